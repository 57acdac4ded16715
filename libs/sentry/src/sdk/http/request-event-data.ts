import type { IncomingMessage } from 'node:http';
import { httpRequestToRequestData, stripUrlQueryAndFragment, type RequestEventData } from '@sentry/core';

/** Express and Fastify's middleware runner rewrite `url` below a mount point and keep the original. */
type RoutedRequest = IncomingMessage & { originalUrl?: string };

/**
 * The SDK's request data for a request without a body, built when an event is
 * built: what the request looked like on arrival, as the SDK would have copied it.
 */
export function requestEventData(request: RoutedRequest): RequestEventData {
  const { headers, method, socket } = request;
  const { data: _none, ...data } = httpRequestToRequestData({ headers, method, socket, url: arrivalUrl(request) });
  return data;
}

/** `GET /orders/42` without the query: the SDK's name for an event outside any route. */
export function bestEffortTransactionName(request: RoutedRequest): string {
  return `${(request.method ?? 'GET').toUpperCase()} ${stripUrlQueryAndFragment(arrivalUrl(request))}`;
}

function arrivalUrl(request: RoutedRequest): string {
  return request.originalUrl ?? request.url ?? '/';
}
