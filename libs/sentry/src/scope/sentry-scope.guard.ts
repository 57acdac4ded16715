import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getDefaultIsolationScope, getIsolationScope, hasSpansEnabled } from '@sentry/core';
import { SentryMetadataAccessor } from '../decorators/sentry-metadata.accessor';
import { isSdkEnabled, type SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { SENTRY_LOGGER_CONTEXT, SENTRY_SDK } from '../sentry.internal-constants';
import { nameTransactionByRoute } from '../tracing/name-transaction';
import { lazyPrincipalProcessor } from './lazy-principal.processor';
import { ownerOf, registerRequestScope } from './request-scope.registry';
import { RequestPrincipalResolver } from './request-principal.resolver';
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
  private readonly tracing: boolean;
  private readonly principals: RequestPrincipalResolver;
  private readonly metadata: SentryMetadataAccessor;

  constructor(@Inject(SENTRY_SDK) sdk: SentrySdkHandle, reflector: Reflector) {
    this.tracing = isSdkEnabled(sdk) && hasSpansEnabled(sdk.client?.getOptions());
    this.principals = new RequestPrincipalResolver(sdk.options.resolveUser, sdk.options.tenantHeader, new Logger(SENTRY_LOGGER_CONTEXT));
    this.metadata = new SentryMetadataAccessor(reflector);
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
      registerRequestScope(request, scope);
      const { tags, contexts } = this.metadata.forHandler(context);
      if (tags) scope.setTags(tags);
      if (contexts) for (const [name, value] of contexts) scope.setContext(name, { ...value });
      scope.addEventProcessor(lazyPrincipalProcessor(this.principals, context, scope));
      if (this.tracing) nameTransactionByRoute(context);
    } catch {
      // Error tracking never breaks a request.
    }
  }
}
