import { SDK_FORKED_REQUEST_MARK } from '../sdk-bridge/sentry/sentry-internals';

/**
 * Whether the SDK forked an isolation scope for this HTTP request (Express `req`
 * is the `IncomingMessage`; Fastify's request wraps it as `raw`). Only then is a
 * non-default current scope known to be the request's own, not some wrapper's.
 */
export function isSdkForkedRequest(request: object | undefined): boolean {
  if (!request) return false;
  const marked = request as Record<symbol, unknown> & { raw?: Record<symbol, unknown> };
  return marked[SDK_FORKED_REQUEST_MARK] === true || marked.raw?.[SDK_FORKED_REQUEST_MARK] === true;
}
