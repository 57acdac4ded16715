import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getDefaultIsolationScope, getIsolationScope } from '@sentry/core';
import type { SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { SENTRY_SDK } from '../sentry.internal-constants';
import { ownerOf } from './request-scope.registry';
import { RequestScopePreparer } from './request-scope.preparer';
import { isSdkForkedRequest } from './sdk-forked-request.util';

/**
 * The HTTP fast path of the scope work. When the SDK already forks an isolation
 * scope per HTTP request (its Http integration), nothing needs wrapping, and a
 * global guard does the job at a fraction of an interceptor's cost (Nest runs a
 * global interceptor through rxjs and AsyncResource.bind on every request).
 * It puts the decorator tags and contexts on the request's scope, names the
 * transaction by route, and resolves the principal lazily, when an event is
 * built (after authentication). It never denies a request.
 */
@Injectable()
export class SentryScopeGuard implements CanActivate {
  private readonly preparer: RequestScopePreparer;

  constructor(@Inject(SENTRY_SDK) sdk: SentrySdkHandle, reflector: Reflector) {
    this.preparer = new RequestScopePreparer(sdk, reflector);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') this.prepare(context);
    return true;
  }

  private prepare(context: ExecutionContext): void {
    try {
      const request = context.switchToHttp().getRequest<object>();
      const scope = getIsolationScope();
      // Only a scope the SDK forked for this very request, and only once.
      if (!isSdkForkedRequest(request) || scope === getDefaultIsolationScope() || ownerOf(scope) !== undefined) return;
      this.preparer.prepare(scope, context, request, 'lazy');
    } catch {
      // Error tracking never breaks a request.
    }
  }
}
