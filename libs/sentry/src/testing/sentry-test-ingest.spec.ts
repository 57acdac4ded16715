import * as http from 'node:http';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import {
  createEnvelope,
  getEnvelopeEndpointWithUrlEncodedAuth,
  makeDsn,
  serializeEnvelope,
  type Envelope,
  type Event,
} from '@sentry/core';
import { defaultStackParser, makeNodeTransport, NodeClient } from '@sentry/node';
import { SentryTestIngest } from './index';

type RawItem = [Record<string, unknown>, unknown];

// Mixed test envelopes do not fit one of the SDK's envelope unions, hence the casts.
function envelope(items: RawItem[], headers: Record<string, unknown> = {}): Envelope {
  return createEnvelope<Envelope>(headers as Envelope[0], items as Envelope[1]);
}

function eventEnvelope(event: Event): Envelope {
  return envelope([[{ type: 'event' }, event]], { event_id: event.event_id, sent_at: new Date().toISOString() });
}

function logEnvelope(...bodies: string[]): Envelope {
  const items = bodies.map((body) => ({ timestamp: Date.now() / 1000, level: 'info', body }));
  const headers = { type: 'log', item_count: items.length, content_type: 'application/vnd.sentry.items.log+json' };
  return envelope([[headers, { items }]]);
}

function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return fetch(url, { method: 'POST', body, headers, ...init });
}

// Plain `http` (no keep-alive agent) so socket-level failures surface as Node error codes.
function rawPost(url: string, body: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const EVENT_ID = 'a'.repeat(32);

describe('SentryTestIngest', () => {
  let ingest: SentryTestIngest;

  beforeEach(async () => {
    ingest = await SentryTestIngest.start();
  });

  afterEach(async () => {
    await ingest.close();
  });

  describe('addressing', () => {
    it('exposes a loopback DSN the SDK parses into the ingest envelope endpoint', () => {
      expect(ingest.port).toBeGreaterThan(0);
      expect(ingest.url).toBe(`http://127.0.0.1:${ingest.port}`);
      expect(ingest.dsn).toBe(`http://public@127.0.0.1:${ingest.port}/1`);
      const dsn = makeDsn(ingest.dsn);
      expect(dsn).toMatchObject({ host: '127.0.0.1', port: String(ingest.port), projectId: '1', publicKey: 'public' });
      expect(getEnvelopeEndpointWithUrlEncodedAuth(dsn!)).toMatch(new RegExp(`^${ingest.envelopeUrl}\\?`));
    });

    it('listens on a requested port', async () => {
      const port = ingest.port;
      await ingest.close();
      ingest = await SentryTestIngest.start({ port });
      expect(ingest.port).toBe(port);
      expect((await post(ingest.envelopeUrl, serializeEnvelope(logEnvelope('x')))).status).toBe(200);
    });
  });

  describe('decoding', () => {
    it('records an event envelope and answers with its event_id', async () => {
      const body = serializeEnvelope(eventEnvelope({ event_id: EVENT_ID, message: 'hello ingest' }));
      const res = await post(`${ingest.envelopeUrl}?sentry_key=public&sentry_version=7`, body);

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: EVENT_ID });
      expect(ingest.events.map((e) => e.message)).toEqual(['hello ingest']);
      const [received] = ingest.envelopes;
      expect(received.headers.event_id).toBe(EVENT_ID);
      expect(received.items).toEqual([{ type: 'event', headers: { type: 'event' }, payload: expect.objectContaining({ message: 'hello ingest' }) }]);
      expect(received.projectId).toBe('1');
      expect(received.receivedAt).toBeInstanceOf(Date);
      expect(received.raw).toBe(body);
      expect(ingest.rawBodies).toEqual([body]);
      expect(ingest.requestCount).toBe(1);
      expect(ingest.rejected).toBe(0);
    });

    it.each([
      ['gzip', promisify(zlib.gzip)],
      ['deflate', promisify(zlib.deflate)],
      ['br', promisify(zlib.brotliCompress)],
    ])('decompresses a %s body and keeps the decompressed raw text', async (encoding, compress) => {
      const body = serializeEnvelope(eventEnvelope({ event_id: EVENT_ID, message: `compressed-${encoding}` }));
      const res = await post(ingest.envelopeUrl, await compress(Buffer.from(body)), { 'content-encoding': encoding });

      expect(res.status).toBe(200);
      expect(ingest.events[0].message).toBe(`compressed-${encoding}`);
      expect(ingest.rawText()).toContain(`"message":"compressed-${encoding}"`);
      expect(ingest.envelopes[0].requestHeaders['content-encoding']).toBe(encoding);
    });

    it('sorts items into events, transactions, flattened logs, profiles, sessions and raw items', async () => {
      const bytes = new Uint8Array([0, 1, 2, 255]);
      const mixed = envelope([
        [{ type: 'transaction' }, { type: 'transaction', transaction: 'GET /users' }],
        [{ type: 'log', item_count: 2 }, { items: [{ level: 'info', body: 'one' }, { level: 'warn', body: 'two' }] }],
        [{ type: 'profile' }, { event_id: 'p1' }],
        [{ type: 'profile_chunk', platform: 'node' }, { chunk_id: 'c1' }],
        [{ type: 'session' }, { sid: 's1', status: 'ok' }],
        [{ type: 'attachment', length: bytes.length, filename: 'blob.bin' }, bytes],
        [{ type: 'event' }, { message: 'last' }],
      ]);
      await post(ingest.envelopeUrl, serializeEnvelope(mixed));

      expect(ingest.transactions.map((t) => t.transaction)).toEqual(['GET /users']);
      expect(ingest.logs.map((l) => l.body)).toEqual(['one', 'two']);
      expect(ingest.profiles).toEqual([{ event_id: 'p1' }, { chunk_id: 'c1' }]);
      expect(ingest.sessions).toEqual([{ sid: 's1', status: 'ok' }]);
      expect(ingest.events.map((e) => e.message)).toEqual(['last']);
      const [attachment] = ingest.items('attachment');
      expect(attachment.headers.filename).toBe('blob.bin');
      expect(Array.from(attachment.payload as Uint8Array)).toEqual([0, 1, 2, 255]);
    });

    it('parses JSON items that carry a length header (as non-JS SDKs send them)', async () => {
      const json = JSON.stringify({ message: 'sized' });
      await post(ingest.envelopeUrl, `{}\n{"type":"event","length":${Buffer.byteLength(json)}}\n${json}\n`);
      expect(ingest.events).toEqual([{ message: 'sized' }]);
    });

    it('accepts a bare event on the legacy store endpoint', async () => {
      const res = await post(`${ingest.url}/api/7/store/`, JSON.stringify({ event_id: EVENT_ID, message: 'stored' }));
      expect(await res.json()).toEqual({ id: EVENT_ID });
      expect(ingest.events.map((e) => e.message)).toEqual(['stored']);
      expect(ingest.envelopes[0].projectId).toBe('7');
    });

    it('rejects bad paths, methods, bodies and encodings without recording them', async () => {
      const statuses = [
        (await post(`${ingest.url}/nope`, '{}')).status,
        (await fetch(ingest.envelopeUrl)).status,
        (await post(ingest.envelopeUrl, 'not an envelope')).status,
        (await post(ingest.envelopeUrl, '{}', { 'content-encoding': 'zstd' })).status,
        (await post(ingest.envelopeUrl, 'garbage', { 'content-encoding': 'gzip' })).status,
      ];
      expect(statuses).toEqual([404, 405, 400, 415, 400]);
      expect(ingest.requestCount).toBe(5);
      expect(ingest.rejected).toBe(5);
      expect(ingest.envelopes).toHaveLength(0);
    });

    it('logs the arrival time of every request, rejected ones included', async () => {
      const before = Date.now();
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'one' })));
      await post(`${ingest.url}/nope`, '{}');
      const times = ingest.requestTimes;
      expect(times).toHaveLength(2);
      expect(times[0]).toBeGreaterThanOrEqual(before);
      expect(times[1]).toBeGreaterThanOrEqual(times[0]);
      expect(times[1]).toBeLessThanOrEqual(Date.now());
    });

    it('clear() forgets envelopes and counters', async () => {
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'old' })));
      ingest.clear();
      expect([ingest.envelopes.length, ingest.events.length, ingest.requestCount, ingest.rawText(), ingest.requestTimes.length]).toEqual([0, 0, 0, '', 0]);
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'new' })));
      expect(ingest.events.map((e) => e.message)).toEqual(['new']);
    });
  });

  describe('waiting', () => {
    it('resolves with an event that already arrived', async () => {
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'early' })));
      await expect(ingest.waitForEvent((e) => e.message === 'early', { timeoutMs: 50 })).resolves.toMatchObject({ message: 'early' });
    });

    it('resolves as soon as matching items arrive', async () => {
      const event = ingest.waitForEvent((e) => e.message === 'second');
      const events = ingest.waitForEvents(2, (e) => String(e.message).startsWith('n'));
      const transaction = ingest.waitForTransaction((t) => t.transaction === 'GET /');
      const log = ingest.waitForLog((l) => l.body === 'b');
      const item = ingest.waitForItem('session');
      const requests = ingest.waitForRequests(4);

      await post(ingest.envelopeUrl, serializeEnvelope(envelope([[{ type: 'event' }, { message: 'n1' }], [{ type: 'event' }, { message: 'second' }]])));
      await post(ingest.envelopeUrl, serializeEnvelope(envelope([[{ type: 'event' }, { message: 'n2' }], [{ type: 'session' }, { sid: 'x' }]])));
      await post(ingest.envelopeUrl, serializeEnvelope(envelope([[{ type: 'transaction' }, { transaction: 'GET /' }]])));
      await post(ingest.envelopeUrl, serializeEnvelope(logEnvelope('a', 'b')));

      await expect(event).resolves.toMatchObject({ message: 'second' });
      expect((await events).map((e) => e.message)).toEqual(['n1', 'n2']);
      await expect(transaction).resolves.toMatchObject({ transaction: 'GET /' });
      await expect(log).resolves.toMatchObject({ body: 'b', level: 'info' });
      await expect(item).resolves.toMatchObject({ type: 'session', payload: { sid: 'x' } });
      await expect(requests).resolves.toBe(4);
    });

    it('rejects on timeout with a summary of what was received', async () => {
      await post(ingest.envelopeUrl, serializeEnvelope(envelope([[{ type: 'transaction' }, { transaction: 'GET /health' }]])));
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ exception: { values: [{ type: 'TypeError', value: 'bad' }] } })));

      await expect(ingest.waitForEvent((e) => e.message === 'never', { timeoutMs: 100 })).rejects.toThrow(
        /timed out after 100ms waiting for an event\. Received 2 request\(s\), 0 rejected, 2 envelope\(s\), 2 item\(s\): transaction\("GET \/health"\), event\("TypeError: bad"\)/,
      );
      await expect(ingest.waitForLog(undefined, { timeoutMs: 20 })).rejects.toThrow(/waiting for a log record/);
      await expect(ingest.waitForRequests(3, { timeoutMs: 20 })).rejects.toThrow(/waiting for 3 request\(s\)/);
    });

    it('surfaces a throwing predicate instead of timing out', async () => {
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'x' })));
      const wait = ingest.waitForEvent(() => {
        throw new Error('predicate bug');
      });
      await expect(wait).rejects.toThrow('predicate bug');
    });

    it('close() rejects pending waits at once', async () => {
      const wait = ingest.waitForEvent(undefined, { timeoutMs: 20_000 });
      await ingest.close();
      await expect(wait).rejects.toThrow(/closed while waiting for an event/);
      await expect(ingest.waitForEvent()).rejects.toThrow(/is closed/);
    });
  });

  describe('with the real SDK', () => {
    let client: NodeClient | undefined;

    afterEach(async () => {
      await client?.close(2_000);
      client = undefined;
    });

    it('receives an exception captured by a NodeClient pointed at the DSN', async () => {
      client = new NodeClient({
        dsn: ingest.dsn,
        transport: makeNodeTransport,
        stackParser: defaultStackParser,
        integrations: [],
        sendClientReports: false,
      });
      client.init();
      client.captureException(new Error('real-sdk-marker'));
      await client.flush(5_000);

      const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'real-sdk-marker');
      expect(event.exception?.values?.[0]?.type).toBe('Error');
      expect(event.platform).toBe('node');
      expect(ingest.envelopes[0].headers.sdk).toMatchObject({ name: 'sentry.javascript.node' });
    });

    it('decodes a body the Node transport gzips (over 32 KiB)', async () => {
      const transport = makeNodeTransport({ url: ingest.envelopeUrl, recordDroppedEvent: jest.fn() });
      const big = 'x'.repeat(40 * 1024);
      const res = await transport.send(eventEnvelope({ event_id: EVENT_ID, message: 'big', extra: { big } }));

      expect(res.statusCode).toBe(200);
      expect(ingest.envelopes[0].requestHeaders['content-encoding']).toBe('gzip');
      expect(ingest.events[0].extra?.big).toBe(big);
    });
  });

  describe('faults', () => {
    const recordDroppedEvent = jest.fn();
    const transport = () => makeNodeTransport({ url: ingest.envelopeUrl, recordDroppedEvent });
    const errorEnvelope = () => eventEnvelope({ event_id: EVENT_ID, message: 'fault test' });

    beforeEach(() => recordDroppedEvent.mockReset());

    it('status: answers the status, records nothing, and recovers when cleared', async () => {
      ingest.setFault({ kind: 'status', status: 500 });
      const sdk = transport();
      expect((await sdk.send(errorEnvelope())).statusCode).toBe(500);
      expect([ingest.events.length, ingest.requestCount, ingest.rejected]).toEqual([0, 1, 1]);

      ingest.setFault({ kind: 'none' });
      expect((await sdk.send(errorEnvelope())).statusCode).toBe(200);
      expect(ingest.events).toHaveLength(1);
    });

    it('status 413: the SDK records the envelope as a send_error', async () => {
      ingest.setFault({ kind: 'status', status: 413 });
      expect((await transport().send(errorEnvelope())).statusCode).toBe(413);
      expect(recordDroppedEvent).toHaveBeenCalledWith('send_error', 'error', 1);
    });

    it('rate-limit: 429 with a Retry-After the SDK sees and honours', async () => {
      ingest.setFault({ kind: 'rate-limit', retryAfterSeconds: 30 });
      const sdk = transport();
      const res = await sdk.send(errorEnvelope());
      expect(res).toMatchObject({ statusCode: 429, headers: { 'retry-after': '30' } });

      ingest.setFault(undefined);
      await sdk.send(errorEnvelope());
      expect(ingest.requestCount).toBe(1); // backed off client-side: no second request
      expect(recordDroppedEvent).toHaveBeenCalledWith('ratelimit_backoff', 'error', 1);
    });

    it('rate-limit-header: X-Sentry-Rate-Limits limits only the named categories', async () => {
      const limits = '60:error;transaction:organization';
      ingest.setFault({ kind: 'rate-limit-header', limits });
      const sdk = transport();
      const res = await sdk.send(errorEnvelope());
      expect(res).toMatchObject({ statusCode: 429, headers: { 'x-sentry-rate-limits': limits } });
      expect(ingest.events).toHaveLength(0);

      ingest.setFault(undefined);
      await sdk.send(errorEnvelope());
      await sdk.send(logEnvelope('logs still flow'));
      expect(ingest.requestCount).toBe(2);
      expect(ingest.events).toHaveLength(0);
      expect(ingest.logs.map((l) => l.body)).toEqual(['logs still flow']);
    });

    it('rate-limit-header with status 200 still records the envelope', async () => {
      ingest.setFault({ kind: 'rate-limit-header', limits: '60:error:organization', status: 200 });
      const res = await post(ingest.envelopeUrl, serializeEnvelope(errorEnvelope()));
      expect([res.status, res.headers.get('x-sentry-rate-limits')]).toEqual([200, '60:error:organization']);
      expect(ingest.events).toHaveLength(1);
    });

    it('hang: never answers, the client times out, close() cuts the hanging request', async () => {
      ingest.setFault({ kind: 'hang' });
      const request = post(ingest.envelopeUrl, serializeEnvelope(errorEnvelope()), {}, { signal: AbortSignal.timeout(300) });
      await expect(request).rejects.toMatchObject({ name: 'TimeoutError' });
      expect([ingest.requestCount, ingest.events.length]).toEqual([1, 0]);

      // The ingest never answers this one: close() can only end by cutting it.
      const hanging = rawPost(ingest.envelopeUrl, 'x');
      await ingest.waitForRequests(2);
      await ingest.close();
      await expect(hanging).rejects.toMatchObject({ code: 'ECONNRESET' });
    });

    it('slow: answers 200 after the delay and records the envelope then', async () => {
      ingest.setFault({ kind: 'slow', delayMs: 300 });
      // Started before the request leaves and shorter, this timer always fires before the ingest's
      // delay ends (timers fire in the order they expire), however busy the machine.
      const partWay = new Promise((resolve) => setTimeout(resolve, 100));
      let answered = false;
      const request = post(ingest.envelopeUrl, serializeEnvelope(errorEnvelope())).finally(() => (answered = true));
      await ingest.waitForRequests(1);
      expect(ingest.events).toHaveLength(0);
      await partWay;
      expect(answered).toBe(false);

      expect((await request).status).toBe(200);
      expect(ingest.events).toHaveLength(1);
    });

    it('slow: down() cuts a pending answer short and records nothing', async () => {
      ingest.setFault({ kind: 'slow', delayMs: 20_000 });
      const request = rawPost(ingest.envelopeUrl, serializeEnvelope(errorEnvelope()) as string);
      await ingest.waitForRequests(1);
      await ingest.down();
      // Cut, not answered: a down() that waited for the delay would have let the 200 through.
      await expect(request).rejects.toMatchObject({ code: 'ECONNRESET' });

      await ingest.up();
      ingest.setFault(undefined);
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'after' })));
      expect(ingest.events.map((e) => e.message)).toEqual(['after']);
      expect(ingest.rejected).toBe(1);
    });

    it('reset: destroys the socket; the client sees ECONNRESET', async () => {
      ingest.setFault({ kind: 'reset' });
      await expect(rawPost(ingest.envelopeUrl, serializeEnvelope(errorEnvelope()) as string)).rejects.toMatchObject({
        code: 'ECONNRESET',
        message: 'socket hang up',
      });
      await expect(transport().send(errorEnvelope())).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect([ingest.requestCount, ingest.rejected, ingest.events.length]).toEqual([2, 2, 0]);
    });

    it('down()/up(): the port refuses connections, then listens again on the same port', async () => {
      const port = ingest.port;
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'before' }))); // leaves a keep-alive socket
      await ingest.down();
      expect(ingest.isUp).toBe(false);
      await expect(rawPost(ingest.envelopeUrl, '{}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await expect(post(ingest.envelopeUrl, '{}')).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });

      await ingest.up();
      expect([ingest.isUp, ingest.port]).toEqual([true, port]);
      await post(ingest.envelopeUrl, serializeEnvelope(eventEnvelope({ message: 'after' })));
      expect(ingest.events.map((e) => e.message)).toEqual(['before', 'after']);
    });

    it('close() cuts open connections instead of waiting for them: a keep-alive socket, an unfinished upload', async () => {
      await post(ingest.envelopeUrl, serializeEnvelope(errorEnvelope())); // leaves a keep-alive socket
      // Half a body: Node's server.close() alone waits for it until requestTimeout (300 s), far past this test's timeout.
      const uploading = new Promise((resolve, reject) => {
        const req = http.request(ingest.envelopeUrl, { method: 'POST', agent: false, headers: { 'content-length': '1000' } }, resolve);
        req.on('error', reject);
        req.write('x');
      });
      await ingest.waitForRequests(2);
      await ingest.close();
      await expect(uploading).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(ingest.isUp).toBe(false);
      await expect(ingest.up()).rejects.toThrow(/closed/);
    });

    it('setFault rejects malformed faults', () => {
      expect(() => ingest.setFault({ kind: 'status', status: 42 })).toThrow(TypeError);
      expect(() => ingest.setFault({ kind: 'slow', delayMs: -1 })).toThrow(/delayMs/);
      expect(() => ingest.setFault({ kind: 'nope' } as never)).toThrow(/kind/);
    });
  });
});
