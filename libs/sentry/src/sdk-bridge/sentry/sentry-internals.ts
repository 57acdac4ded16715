import type { Client, Event, EventHint, RequestEventData } from '@sentry/core';

/*
 * Sentry SDK details the module relies on that are not (or not fully) public API. Each is
 * checked against the installed SDK by sentry-internals.contract.spec.ts.
 */

/**
 * Set by `@sentry/core`'s HTTP server instrumentation (`kRequestMark`) on each incoming
 * request it forked an isolation scope for: the only way to know the current isolation
 * scope is that request's own, and not some wrapper's.
 */
export const SDK_FORKED_REQUEST_MARK = Symbol.for('sentry_http_server_instrumented');

/**
 * The span attribute holding how a segment (transaction) got its name: `route` keeps
 * Sentry from grouping by raw URL. Sentry 11 moved it to `@sentry/conventions`
 * (`SENTRY_SEGMENT_NAME_SOURCE`), which the SDK depends on but apps do not.
 */
export const SEGMENT_NAME_SOURCE_ATTRIBUTE = 'sentry.segment.name.source';

/** The SDK marks what it captured, so the filter and logger never report it twice. */
export { isAlreadyCaptured } from '@sentry/core';

/**
 * How many envelopes the SDK's transport holds when `bufferSize` is not set
 * (`DEFAULT_TRANSPORT_BUFFER_SIZE` in @sentry/core, not exported from its index): the
 * durable queue writes to disk what would overflow it instead of losing it.
 */
export const SDK_TRANSPORT_BUFFER_SIZE = 64;

/**
 * Whether a `beforeSendSpan` callback was wrapped with Sentry's `withStaticSpan` (it then takes
 * the transaction-era `SpanJSON`; unwrapped ones take `StreamedSpanJSON`). The SDK keeps this
 * check (`isStaticBeforeSendSpanCallback`) to itself; the module calls the user's own callback
 * from its scrubbing hook, in the shape the SDK would have used.
 */
export function isStaticSpanCallback(callback: unknown): boolean {
  return typeof callback === 'function' && (callback as { _static?: unknown })._static === true;
}

/**
 * Where the SDK's `RequestData` integration reads a request from when it builds an event
 * (`event.sdkProcessingMetadata.normalizedRequest`, which its own HTTP fork fills in at the
 * start of every request). The module's lean fork builds that request only when an event
 * exists, puts it there, and lets `RequestData` (a public integration) do the rest, so an
 * event looks the same whichever fork its request took.
 */
export function attachRequestToEvent(event: Event, normalizedRequest: RequestEventData, hint: EventHint, client: Client): Event {
  const metadata = event.sdkProcessingMetadata ?? {};
  if (metadata.normalizedRequest !== undefined) return event;
  event.sdkProcessingMetadata = { ...metadata, normalizedRequest };
  const requestData = client.getIntegrationByName('RequestData');
  // RequestData works in place and synchronously (it returns the event it was given).
  requestData?.processEvent?.(event, hint, client);
  return event;
}
