import type { ExecutionContext } from '@nestjs/common';
import { Scope, type EventProcessor } from '@sentry/core';
import type { RequestPrincipalResolver } from './request-principal.resolver';
import { TENANT_CONTEXT, TENANT_TAG } from './scope.constants';
import { isUserContextExplicit } from './user-context.util';

/**
 * Resolves the principal when the request's first event is built, not when the
 * request starts: by then the app's auth guards have run (whatever their order
 * relative to ours), and a request that sends nothing pays nothing. Like the
 * interceptor's, the request's principal outranks process-wide defaults, and
 * what the app set or cleared itself on this request (SentryService) wins.
 */
export function lazyPrincipalProcessor(
  principals: RequestPrincipalResolver,
  context: ExecutionContext,
  requestScope: Scope,
): EventProcessor {
  let resolved: ReturnType<Scope['getScopeData']> | undefined;
  return (event) => {
    if (isUserContextExplicit(requestScope)) return event;
    if (!resolved) {
      const scratch = new Scope();
      principals.applyTo(scratch, context);
      resolved = scratch.getScopeData();
    }
    const { user, tags, contexts } = resolved;
    if (user.id !== undefined) event.user = { ...user };
    const tenant = tags[TENANT_TAG];
    if (tenant !== undefined) {
      event.tags = { ...event.tags, [TENANT_TAG]: tenant };
      event.contexts = { ...event.contexts, [TENANT_CONTEXT]: { ...contexts[TENANT_CONTEXT] } };
    }
    return event;
  };
}
