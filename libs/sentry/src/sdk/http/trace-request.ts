import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getClient,
  getCurrentScope,
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
  setHttpStatus,
  startSpanManual,
} from '@sentry/core';
import { bestEffortTransactionName } from './request-event-data';

/** A `tracesSampler` function sees each request: the SDK's own code must start its span. */
export function samplerDecides(): boolean {
  return typeof getClient()?.getOptions().tracesSampler === 'function';
}

/**
 * Whether this request's fresh trace will be sampled, decided as the SDK decides
 * it (the trace's random draw against `tracesSampleRate`), before paying for a
 * span: an unsampled request then costs what an untraced one does.
 */
export function sampledByRate(): boolean {
  const rate = Number(getClient()?.getOptions().tracesSampleRate ?? 0);
  const draw = getCurrentScope().getPropagationContext().sampleRand;
  return draw < rate;
}

/** The request's `http.server` transaction; the scope guard renames it by route. */
export function traceRequest<T>(request: IncomingMessage, response: ServerResponse, handle: () => T): T {
  const name = bestEffortTransactionName(request);
  return startSpanManual(
    {
      name,
      op: 'http.server',
      attributes: {
        [SEMANTIC_ATTRIBUTE_SENTRY_OP]: 'http.server',
        [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: 'auto.http.server',
        [SEMANTIC_ATTRIBUTE_SENTRY_SOURCE]: 'url',
        'http.request.method': request.method,
        'url.path': name.slice(name.indexOf(' ') + 1),
      },
    },
    (span) => {
      response.once('close', () => {
        setHttpStatus(span, response.statusCode);
        span.end();
      });
      return handle();
    },
  );
}
