import * as http from 'node:http';
import * as https from 'node:https';
import { gzip } from 'node:zlib';
import { createTransport, suppressTracing, type Transport, type TransportMakeRequestResponse, type TransportRequest } from '@sentry/core';
import { makeNodeTransport } from '@sentry/node';
import { giveUpWhenIdle, SEND_IDLE_TIMEOUT_MS, sendTimeoutHttpModule } from './transport-send-timeout';

type NodeTransportOptions = Parameters<typeof makeNodeTransport>[0];

/** The SDK gzips bodies above this size; so does this. */
const GZIP_THRESHOLD = 32 * 1024;
const MAX_SOCKETS = 30;

/**
 * Sentry's transport (`createTransport`: buffer, rate limits, retry-after, client reports)
 * with a cheaper request: the SDK's Node executor pipes each envelope through a new
 * `Readable` into a chunked request (two writes, stream machinery per event); here the body
 * goes out with its length in one `end()`. Half the CPU of a send on Node 24 (`npm run bench`,
 * GET /throw). Everything else is as the SDK does it: keep-alive agent with 30 sockets, gzip
 * above 32 KB, one retry of a reused socket the server closed, no spans or breadcrumbs of its
 * own. Plus the idle timeout the SDK lacks (see transport-send-timeout.ts).
 * A proxy or a custom `httpModule` keeps the SDK's own transport, which handles them.
 */
export function makeLeanHttpTransport(options: NodeTransportOptions, timeoutMs = SEND_IDLE_TIMEOUT_MS): Transport {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return makeNodeTransport(options); // the SDK warns about the bad URL and sends nothing
  }
  if (needsSdkTransport(options, url)) return makeNodeTransport({ ...options, httpModule: options.httpModule ?? sendTimeoutHttpModule(timeoutMs) });
  const secure = url.protocol === 'https:';
  const agent = new (secure ? https : http).Agent({ keepAlive: options.keepAlive ?? true, maxSockets: MAX_SOCKETS, timeout: 2000 });
  const target: https.RequestOptions = {
    method: 'POST',
    agent,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
    protocol: url.protocol,
    ca: options.caCerts,
  };
  const request = secure ? https.request : http.request;

  const post = (body: Uint8Array, gzipped: boolean, canRetry: boolean): Promise<TransportMakeRequestResponse> =>
    new Promise((resolve, reject) => {
      suppressTracing(() => {
        const headers: http.OutgoingHttpHeaders = { ...options.headers, 'content-length': body.byteLength };
        if (gzipped) headers['content-encoding'] = 'gzip';
        const req = request({ ...target, headers }, (res) => {
          res.resume(); // the answer's body is not needed, its socket is
          const rateLimits = res.headers['x-sentry-rate-limits'];
          resolve({
            statusCode: res.statusCode,
            headers: { 'retry-after': res.headers['retry-after'] ?? null, 'x-sentry-rate-limits': (Array.isArray(rateLimits) ? rateLimits[0] : rateLimits) ?? null },
          });
        });
        giveUpWhenIdle(req, timeoutMs);
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (canRetry && req.reusedSocket && error.code === 'ECONNRESET') resolve(post(body, gzipped, false));
          else reject(error);
        });
        req.end(body);
      });
    });

  return createTransport(options, (transportRequest: TransportRequest) => {
    const body = typeof transportRequest.body === 'string' ? Buffer.from(transportRequest.body) : transportRequest.body;
    if (body.byteLength <= GZIP_THRESHOLD) return post(body, false, true);
    return new Promise<Buffer>((resolve, reject) => gzip(body, (error, zipped) => (error ? reject(error) : resolve(zipped)))).then((zipped) => post(zipped, true, true));
  });
}

/** What the SDK's transport reads for a proxy (option, then env, minus `no_proxy`), or a module of the app's. */
function needsSdkTransport(options: NodeTransportOptions, url: URL): boolean {
  if (options.httpModule) return true;
  return Boolean(options.proxy || (url.protocol === 'https:' ? process.env.https_proxy : undefined) || process.env.http_proxy);
}
