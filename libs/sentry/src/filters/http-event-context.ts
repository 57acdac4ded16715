import type { ArgumentsHost } from '@nestjs/common';
import type { Scope } from '@sentry/core';
import { routeTransactionName, type RoutedRequest } from '../tracing/route-pattern.util';
import { httpStatusOf } from './capture-policy';
import { STATUS_CODE_TAG } from './exception-filter.constants';

/**
 * Names the event after the route pattern (`GET /orders/:id`), so one bug is one
 * issue rather than one per id, and tags the status the client received.
 */
export function applyHttpContext(scope: Scope, exception: unknown, host: ArgumentsHost): void {
  scope.setTag(STATUS_CODE_TAG, String(httpStatusOf(exception)));
  const name = routeTransactionName(host.switchToHttp().getRequest<RoutedRequest | undefined>());
  if (name) scope.setTransactionName(name);
}
