import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { getDefaultIsolationScope, getIsolationScope, withIsolationScope, type Scope } from '@sentry/core';
import { Observable } from 'rxjs';
import { isSdkEnabled, type SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { SENTRY_SDK } from '../sentry.internal-constants';
import { bindToMessageHandlers } from './message-handler-binding';
import { cleanIsolationFork } from './clean-scope.util';
import { ownerOf, requestKeyOf } from './request-scope.registry';
import { RequestScopePreparer } from './request-scope.preparer';
import { isSdkForkedRequest } from './sdk-forked-request.util';

/**
 * Gives each request, RPC message and WebSocket message its own Sentry isolation
 * scope, and puts on it the principal (user, tag `tenant_id`, context `tenant`)
 * and the `@SentryTag` / `@SentryContext` metadata. Interceptors run after guards,
 * so the user an auth guard set is there. Registered globally by `SentryModule`;
 * `registerScopeInterceptor: false` or a disabled SDK make it a pass-through.
 *
 * Nest applies no global interceptor to WebSocket gateways, nor to a hybrid app's
 * microservice without `inheritAppConfig`: the instance `SentryModule` registers binds
 * itself to those classes at boot. `@UseInterceptors(SentryScopeInterceptor)` also
 * works anywhere (it needs only what `SentryModule` exports); bound twice, it runs once.
 * @publicApi
 */
@Injectable()
export class SentryScopeInterceptor implements NestInterceptor {
  private readonly active: boolean;
  private readonly preparer: RequestScopePreparer;

  // The SDK handle carries the resolved options; the options token is not exported, the handle is.
  constructor(
    @Inject(SENTRY_SDK) sdk: SentrySdkHandle,
    reflector: Reflector,
    @Optional() @Inject(ModulesContainer) modules?: ModulesContainer,
  ) {
    const { options } = sdk;
    this.active = options.registerScopeInterceptor !== false && isSdkEnabled(sdk);
    this.preparer = new RequestScopePreparer(sdk, reflector);
    // Constructed before app.init() connects gateways and microservices.
    if (modules && new.target === SentryScopeInterceptor) bindToMessageHandlers(modules, this.active ? this : undefined);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.active) return next.handle();
    const key = requestKeyOf(context);
    const scope = getIsolationScope();
    const owner = ownerOf(scope);
    // Bound twice (globally and with @UseInterceptors): the outer one did the work.
    if (key && owner === key) return next.handle();
    // The SDK forks a scope per HTTP request (diagnostics channel): take that one, so middleware
    // breadcrumbs and the transaction share it. Fork our own where it missed the server.
    if (owner === undefined && context.getType() === 'http' && isSdkForkedRequest(key) && scope !== getDefaultIsolationScope()) {
      this.prepare(scope, context, key);
      return next.handle();
    }
    return this.inOwnScope(context, next, key);
  }

  /** Runs the rest of the chain in a fresh isolation scope (RPC, WS, or HTTP the SDK missed). */
  protected inOwnScope(context: ExecutionContext, next: CallHandler, key: object | undefined): Observable<unknown> {
    return new Observable((subscriber) => {
      const fork = (scope: Scope) => {
        this.prepare(scope, context, key);
        // handle() inside the callback: Nest binds the handler's async context when handle() is called.
        return next.handle().subscribe(subscriber);
      };
      // A clean base: nothing recorded outside units of work, nothing of another request.
      return withIsolationScope(cleanIsolationFork(key), fork);
    });
  }

  /** Puts the request's identity and decorator metadata on its scope. */
  protected prepare(scope: Scope, context: ExecutionContext, key: object | undefined): void {
    this.preparer.prepare(scope, context, key, 'now');
  }
}
