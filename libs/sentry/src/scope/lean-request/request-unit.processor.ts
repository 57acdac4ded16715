import type { IncomingMessage } from 'node:http';
import { httpRequestToRequestData, stripUrlQueryAndFragment, type Client, type EventProcessor } from '@sentry/core';
import { attachRequestToEvent } from '../../sdk-bridge/sentry/sentry-internals';
import type { RequestSessions, SessionBucket } from './request-sessions';

/**
 * What the SDK's fork does for every request at its start, done here only when the request
 * has an event: the request data (`RequestData` then filters it as the options say), the
 * best-effort transaction name (the exception filter names it by route), and the request's
 * release-health outcome.
 */
export function requestUnitProcessor(request: IncomingMessage, client: Client, sessions: RequestSessions, bucket: SessionBucket): EventProcessor {
  let failed = false;
  // Routing rewrites `request.url` (a middleware mounted on a path sees the rest of it): the
  // SDK's fork reads it at the start, so does this.
  const url = request.url ?? '/';
  return (event, hint) => {
    if (event.type === undefined && !failed) {
      failed = true;
      sessions.fail(bucket, hint.mechanism?.handled ?? event.exception?.values?.[0]?.mechanism?.handled ?? true);
    }
    if (event.transaction === undefined && event.type === undefined) {
      event.transaction = `${(request.method ?? 'GET').toUpperCase()} ${stripUrlQueryAndFragment(url)}`;
    }
    return attachRequestToEvent(event, httpRequestToRequestData(requestAsStarted(request, url)), hint, client);
  };
}

/** The request as it arrived: its own headers, method and socket, the URL before routing. */
function requestAsStarted(request: IncomingMessage, url: string): Parameters<typeof httpRequestToRequestData>[0] {
  return { url, method: request.method, headers: request.headers, socket: request.socket, protocol: (request as { protocol?: string }).protocol };
}
