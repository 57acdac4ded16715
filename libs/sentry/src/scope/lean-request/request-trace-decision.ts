import type { IncomingMessage } from 'node:http';
import { hasSpansEnabled, propagationContextFromHeaders, type Client, type PropagationContext } from '@sentry/core';

/** The lean fork takes the request, with this trace over the new one its fresh scope starts (as the SDK's fork would). */
export interface LeanRequest {
  readonly lean: true;
  readonly propagationContext?: Partial<PropagationContext>;
  /** The SDK would have sampled and dropped the request's root span: count it, as it would have. */
  readonly unsampled: boolean;
}

/** The SDK's fork takes the request; `sampleRand`, when set, is the draw the request was sampled with. */
export interface SdkRequest {
  readonly lean: false;
  readonly sampleRand?: number;
}

export type RequestTraceDecision = LeanRequest | SdkRequest;
export type RequestTraceDecider = (request: IncomingMessage) => RequestTraceDecision;

const TO_THE_SDK: SdkRequest = { lean: false };
const ERRORS_ONLY_NEW_TRACE: LeanRequest = { lean: true, unsampled: false };

/**
 * Which fork a body-less request takes. Errors only: always the lean one. With tracing,
 * the sampling decision the SDK would make for the request's root span is made here, at
 * request start, with the same inputs (the incoming trace's sampled flag, else its
 * `sample_rand`, else a fresh draw, against `tracesSampleRate`): a sampled request goes to
 * the SDK (its spans need the SDK's machinery), and is sampled there with the same draw;
 * an unsampled one, most of them at usual rates, would only carry a trace it never sends,
 * so the lean fork takes it with that trace (`sampled: false`, as the SDK's would be).
 * A `tracesSampler` decides from what only the SDK's fork knows: then every request is the SDK's.
 * @returns undefined when every request must take the SDK's fork.
 */
export function requestTraceDecider(client: Client): RequestTraceDecider | undefined {
  const options = client.getOptions();
  if (!hasSpansEnabled(options)) return errorsOnly;
  const rate = options.tracesSampleRate;
  if (typeof options.tracesSampler === 'function' || typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) return undefined;
  return (request) => {
    const incoming = incomingTrace(request);
    if (incoming === undefined) {
      const sampleRand = Math.random();
      if (sampleRand < rate) return { lean: false, sampleRand };
      // The trace id is the fresh scope's own: one id per request, as the SDK draws it.
      return { lean: true, unsampled: true, propagationContext: { sampleRand, sampled: false } };
    }
    // The caller decided: the SDK follows its flag (parentSampled), so does this.
    if (incoming.sampled === true) return TO_THE_SDK;
    if (incoming.sampled === false) return { lean: true, unsampled: true, propagationContext: incoming };
    // Deferred: sampled by `sample_rand` (the caller's, else drawn by propagationContextFromHeaders).
    if (incoming.sampleRand < rate) return { lean: false, sampleRand: incoming.sampleRand };
    return { lean: true, unsampled: true, propagationContext: { ...incoming, sampled: false } };
  };
}

function errorsOnly(request: IncomingMessage): LeanRequest {
  const incoming = incomingTrace(request);
  return incoming === undefined ? ERRORS_ONLY_NEW_TRACE : { lean: true, unsampled: false, propagationContext: incoming };
}

/** The trace the caller sent in `sentry-trace` / `baggage`, if any. */
function incomingTrace(request: IncomingMessage): PropagationContext | undefined {
  const sentryTrace = firstOf(request.headers['sentry-trace']);
  return sentryTrace === undefined ? undefined : propagationContextFromHeaders(sentryTrace, firstOf(request.headers.baggage));
}

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
