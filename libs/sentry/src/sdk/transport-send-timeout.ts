import * as http from 'node:http';
import * as https from 'node:https';
import type { NodeOptions } from '@sentry/node';

type HttpModule = NonNullable<NonNullable<NodeOptions['transportOptions']>['httpModule']>;

/** How long one envelope request may see no socket activity before it is given up. */
export const SEND_IDLE_TIMEOUT_MS = 10_000;

/**
 * The SDK's Node transport puts no timeout on a request in flight (its agent's `timeout`
 * only closes idle pooled sockets). An ingest that accepts and never answers then holds all
 * 30 agent sockets, the 64-envelope buffer fills, and every later event is dropped, even
 * after the ingest recovers, until the process restarts. An idle timeout frees the socket;
 * the SDK counts that envelope as a network error and sending resumes.
 */
export function sendTimeoutHttpModule(timeoutMs = SEND_IDLE_TIMEOUT_MS): HttpModule {
  return {
    request: (options, callback) => {
      const secure = typeof options === 'object' && 'protocol' in options && options.protocol === 'https:';
      const req = (secure ? https : http).request(options as http.RequestOptions, callback as (res: http.IncomingMessage) => void);
      return giveUpWhenIdle(req, timeoutMs);
    },
  };
}

/** Destroys an envelope request that sees no socket activity for `timeoutMs`, freeing its socket. */
export function giveUpWhenIdle(req: http.ClientRequest, timeoutMs: number): http.ClientRequest {
  req.setTimeout(timeoutMs, () => req.destroy(new Error(`Sentry ingest sent nothing for ${timeoutMs} ms`)));
  return req;
}
