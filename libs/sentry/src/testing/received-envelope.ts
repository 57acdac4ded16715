import type { IncomingHttpHeaders } from 'node:http';
import type { Envelope, EnvelopeItemType } from '@sentry/core';

/**
 * One item of a received envelope, as decoded by the SDK's own `parseEnvelope`.
 * @publicApi
 */
export interface ReceivedItem<P = unknown> {
  /** Item type from the item header: `event`, `transaction`, `log`, `session`, ... */
  type: EnvelopeItemType | (string & {});
  headers: Record<string, unknown>;
  /** JSON items are parsed; binary items (attachments, replay recordings) stay a `Uint8Array`. */
  payload: P;
}

/**
 * One envelope the ingest accepted.
 * @publicApi
 */
export interface ReceivedEnvelope {
  /** Envelope header: `event_id`, `sent_at`, `sdk`, `dsn`, `trace`, ... */
  headers: Record<string, unknown>;
  items: ReceivedItem[];
  /** The decompressed body as utf8, so tests can assert a secret appears nowhere in it. */
  raw: string;
  receivedAt: Date;
  /** Project id from the request path (`/api/<projectId>/envelope/`). */
  projectId: string;
  /** Request headers, e.g. to assert `content-encoding` or `user-agent`. */
  requestHeaders: IncomingHttpHeaders;
}

// Item types whose payload is genuinely binary; everything else is JSON.
const BINARY_TYPES = new Set(['attachment', 'replay_recording']);

/** Wraps a parsed envelope with its raw text and request metadata. */
export function toReceivedEnvelope(
  envelope: Envelope,
  raw: Buffer,
  meta: { projectId: string; requestHeaders: IncomingHttpHeaders },
): ReceivedEnvelope {
  const [headers, items] = envelope;
  return {
    headers: { ...headers },
    items: items.map(([itemHeaders, payload]) => ({
      type: String(itemHeaders.type),
      headers: { ...itemHeaders },
      payload: jsonIfTextItem(String(itemHeaders.type), payload),
    })),
    raw: raw.toString('utf8'),
    receivedAt: new Date(),
    ...meta,
  };
}

// parseEnvelope hands back bytes for any item with a `length` header. The JS SDK omits
// it on JSON items but other SDKs (and relays) set it, so decode those back to JSON.
function jsonIfTextItem(type: string, payload: unknown): unknown {
  if (!(payload instanceof Uint8Array) || BINARY_TYPES.has(type)) return payload;
  try {
    return JSON.parse(Buffer.from(payload).toString('utf8')) as unknown;
  } catch {
    return payload;
  }
}
