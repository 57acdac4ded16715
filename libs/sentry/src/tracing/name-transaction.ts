import type { ExecutionContext } from '@nestjs/common';
import {
  getActiveSpan,
  getIsolationScope,
  getRootSpan,
  updateSpanName,
} from '@sentry/core';
import { SEGMENT_NAME_SOURCE_ATTRIBUTE } from '../sdk-bridge/sentry/sentry-internals';
import { routeTransactionName, type RoutedRequest } from './route-pattern.util';

/**
 * Names the request's transaction (and its error events) by route pattern.
 * With the preload the SDK's Nest instrumentation does this already; after a
 * late init the transaction would otherwise keep the raw URL.
 */
export function nameTransactionByRoute(context: ExecutionContext): void {
  // An unsampled request has no span: its errors are named by the exception filter.
  const span = getActiveSpan();
  if (!span || context.getType() !== 'http') return;
  const name = routeTransactionName(context.switchToHttp().getRequest<RoutedRequest | undefined>());
  if (!name) return;
  getIsolationScope().setTransactionName(name);
  const root = getRootSpan(span);
  updateSpanName(root, name);
  root.setAttribute(SEGMENT_NAME_SOURCE_ATTRIBUTE, 'route');
}
