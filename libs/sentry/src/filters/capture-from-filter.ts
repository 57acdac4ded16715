import type { ArgumentsHost } from '@nestjs/common';
import { captureException, withIsolationScope, withScope, type Scope } from '@sentry/core';
import { getRequestIsolationScope } from '../scope/request-scope.registry';
import { FALLBACK_MECHANISM_TYPE, FILTER_MECHANISM_TYPES } from './exception-filter.constants';
import { applyHttpContext } from './http-event-context';
import { applyMessageContext } from './message-event-context';

/**
 * Captures as an unhandled error (the filter is the last line of defence) with
 * the context of the entry point. Runs in the isolation scope the scope
 * interceptor recorded for this request/message, when there is one, so the
 * event carries its user, tenant and breadcrumbs; otherwise in the current one
 * (for HTTP the SDK already forked a scope per request). The per-event context
 * goes on a forked scope, so nothing leaks into the request's later events.
 */
export function captureFromFilter(exception: unknown, host: ArgumentsHost, extra?: Record<string, unknown>): string {
  const type = host.getType<string>();
  const capture = (): string =>
    withScope((scope) => {
      applyEntryPointContext(scope, exception, host, type);
      if (extra) scope.setExtras(extra);
      return captureException(exception, {
        mechanism: { type: FILTER_MECHANISM_TYPES[type] ?? FALLBACK_MECHANISM_TYPE, handled: false },
      });
    });
  const requestScope = getRequestIsolationScope(host);
  return requestScope ? withIsolationScope(requestScope, capture) : capture();
}

function applyEntryPointContext(scope: Scope, exception: unknown, host: ArgumentsHost, type: string): void {
  if (type === 'http') applyHttpContext(scope, exception, host);
  else if (type === 'rpc' || type === 'ws') applyMessageContext(scope, host);
}
