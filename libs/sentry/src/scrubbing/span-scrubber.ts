import type { SpanJSON, StreamedSpanJSON } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';

/**
 * What `beforeSendSpan` receives: a `SpanJSON` (`description`, `data`), or a `StreamedSpanJSON`
 * (`name`, `attributes`) when the callback is wrapped with `withStreamedSpan`.
 *
 * @publicApi
 */
export type ScrubbableSpan = SpanJSON | StreamedSpanJSON;

type AnySpanShape = Partial<SpanJSON> & Partial<StreamedSpanJSON>;

/**
 * A span, in place (the SDK builds this JSON for the call): description or name by value
 * patterns (`SELECT ... WHERE password = 'x'`, URLs with tokens), data or attributes by key and
 * value (`http.request.header.authorization`, `url.full`, `db.statement`). The attribute object
 * is replaced by a copy, never mutated, because it may be the live span's own.
 */
export function scrubSpanParts<T extends ScrubbableSpan>(span: T, engine: ScrubEngine): T {
  const shape = span as AnySpanShape;
  if (typeof shape.description === 'string') shape.description = engine.scrubString(shape.description);
  if (typeof shape.name === 'string') shape.name = engine.scrubString(shape.name);
  if (shape.data !== undefined) shape.data = engine.scrubDeep(shape.data) as SpanJSON['data'];
  if (shape.attributes !== undefined) {
    shape.attributes = engine.scrubDeep(shape.attributes) as StreamedSpanJSON['attributes'];
  }
  return span;
}

/** Removes the risky part of a span (its data), for the fail-safe path. */
export function dropSpanData<T extends ScrubbableSpan>(span: T): T {
  const shape = span as AnySpanShape;
  if ('data' in shape) shape.data = {};
  if ('attributes' in shape) shape.attributes = {};
  return span;
}
