import type { ArgumentsHost } from '@nestjs/common';
import type { Scope } from '@sentry/core';
import { httpStatusOf } from './capture-policy';
import { STATUS_CODE_TAG } from './exception-filter.constants';

interface RoutedRequest {
  method?: string;
  /** Express: the matched route; Nest mounts every route on the app, so this is the full path. */
  route?: { path?: unknown };
  baseUrl?: string;
  /** Fastify 4.x and 5.x. */
  routeOptions?: { url?: unknown };
  /** Older Fastify. */
  routerPath?: unknown;
}

/**
 * Names the event after the route pattern (`GET /orders/:id`), so one bug is one
 * issue rather than one per id, and tags the status the client received.
 */
export function applyHttpContext(scope: Scope, exception: unknown, host: ArgumentsHost): void {
  scope.setTag(STATUS_CODE_TAG, String(httpStatusOf(exception)));
  const name = routeTransactionName(host.switchToHttp().getRequest<RoutedRequest | undefined>());
  if (name) scope.setTransactionName(name);
}

/** `METHOD /pattern`, or undefined before routing (middleware, unknown routes). */
export function routeTransactionName(request: RoutedRequest | undefined): string | undefined {
  if (!request) return undefined;
  const method = (request.method ?? 'GET').toUpperCase();
  const fastifyPattern = request.routeOptions?.url ?? request.routerPath;
  if (typeof fastifyPattern === 'string' && fastifyPattern) return `${method} ${fastifyPattern}`;
  const expressPattern = request.route?.path;
  if (typeof expressPattern === 'string') return `${method} ${request.baseUrl ?? ''}${expressPattern}`;
  return undefined;
}
