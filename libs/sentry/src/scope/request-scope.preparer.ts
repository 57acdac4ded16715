import { Logger, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { hasSpansEnabled, type Scope } from '@sentry/core';
import { SentryMetadataAccessor } from '../decorators/sentry-metadata.accessor';
import type { SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { SENTRY_LOGGER_CONTEXT } from '../sentry.internal-constants';
import { nameTransactionByRoute } from '../tracing/name-transaction';
import { lazyPrincipalProcessor } from './lazy-principal.processor';
import { registerRequestScope } from './request-scope.registry';
import { RequestPrincipalResolver } from './request-principal.resolver';

/**
 * What the scope guard (HTTP) and the scope interceptor (RPC, WS, HTTP without the
 * SDK's fork) both put on a request's isolation scope: the registry entry the
 * exception filter looks up, the `@SentryTag` / `@SentryContext` metadata, the
 * principal, and the route name of the transaction.
 */
export class RequestScopePreparer {
  private readonly tracing: boolean;
  private readonly principals: RequestPrincipalResolver;
  private readonly metadata: SentryMetadataAccessor;

  constructor(sdk: SentrySdkHandle, reflector: Reflector) {
    this.tracing = hasSpansEnabled(sdk.client?.getOptions());
    this.principals = new RequestPrincipalResolver(sdk.options.resolveUser, sdk.options.tenantHeader, new Logger(SENTRY_LOGGER_CONTEXT));
    this.metadata = new SentryMetadataAccessor(reflector);
  }

  /**
   * `principal: 'now'` writes it on the scope at once (the interceptor runs after guards);
   * `'lazy'` resolves it when an event is built (the guard runs before the app's auth guards).
   */
  prepare(scope: Scope, context: ExecutionContext, key: object | undefined, principal: 'now' | 'lazy'): void {
    registerRequestScope(key, scope);
    const { tags, contexts } = this.metadata.forHandler(context);
    if (tags) scope.setTags(tags);
    // A copy per request: the decorator's object is shared, and event processors may mutate contexts.
    if (contexts) for (const [name, value] of contexts) scope.setContext(name, { ...value });
    if (principal === 'now') this.principals.applyTo(scope, context);
    else scope.addEventProcessor(lazyPrincipalProcessor(this.principals, context, scope));
    // After a late init the SDK would name the transaction by raw URL: name it by route.
    if (this.tracing) nameTransactionByRoute(context);
  }
}
