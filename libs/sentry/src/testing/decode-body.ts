import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { createEnvelope, parseEnvelope } from '@sentry/core';
import type { Envelope, Event } from '@sentry/core';

/** A request the ingest refuses, with the HTTP status to answer. */
export class IngestRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** Undoes `content-encoding` (the Node transport gzips bodies over 32 KiB). */
export async function decompress(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === '' || name === 'identity') return body;
  const decode = DECODERS[name];
  if (!decode) throw new IngestRequestError(415, `unsupported content-encoding: ${name}`);
  try {
    return await decode(body);
  } catch (error) {
    throw new IngestRequestError(400, `cannot decode ${name} body: ${String(error)}`);
  }
}

/**
 * Decodes a body with the SDK's own parser, so the ingest never disagrees with it.
 * The legacy `store` endpoint takes a bare event; it is wrapped into an envelope.
 */
export function decodeBody(endpoint: 'envelope' | 'store', body: Buffer): Envelope {
  try {
    if (endpoint === 'envelope') return parseEnvelope(body);
    const event = JSON.parse(body.toString('utf8')) as Event;
    const type = event.type === 'transaction' ? 'transaction' : 'event';
    return createEnvelope<Envelope>({ event_id: event.event_id }, [[{ type }, event]]);
  } catch (error) {
    throw new IngestRequestError(400, `malformed ${endpoint} body: ${String(error)}`);
  }
}
