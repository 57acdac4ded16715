import type { IncomingMessage, ServerResponse } from 'node:http';
import { IngestRequestError } from './decode-body';

const ROUTE = /^\/api\/([^/]+)\/(envelope|store)\/?$/;

/** Reads the whole body; rejects if the connection drops first. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `/api/<projectId>/envelope/` or `/store/`; anything else is a 404 (or 405 for non-POST). */
export function matchRoute(req: IncomingMessage): { projectId: string; endpoint: 'envelope' | 'store' } {
  const match = ROUTE.exec(new URL(req.url ?? '/', 'http://ingest').pathname);
  if (!match) throw new IngestRequestError(404, `not a Sentry ingest path: ${req.url ?? ''}`);
  if (req.method !== 'POST') throw new IngestRequestError(405, `method ${req.method ?? ''} not allowed`);
  return { projectId: match[1], endpoint: match[2] as 'envelope' | 'store' };
}

/** JSON answer, skipped when the socket is already gone (client hung up, down()). */
export function reply(res: ServerResponse, status: number, headers: Record<string, string>, body: object): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
