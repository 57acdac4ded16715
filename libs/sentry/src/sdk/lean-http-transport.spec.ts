import { createEnvelope, type Envelope } from '@sentry/core';
import { SentryTestIngest } from '../testing';
import { makeLeanHttpTransport } from './lean-http-transport';

const eventEnvelope = (message: string): Envelope => createEnvelope<Envelope>({ event_id: undefined }, [[{ type: 'event' }, { message }]] as Envelope[1]);

/** The transport against the real test ingest: what arrives, and how it reacts to the ingest's answers. */
describe('makeLeanHttpTransport', () => {
  let ingest: SentryTestIngest;
  let dropped: string[];
  const transportFor = (timeoutMs?: number) =>
    makeLeanHttpTransport({ url: ingest.envelopeUrl, recordDroppedEvent: (reason: string) => void dropped.push(reason), keepAlive: true }, timeoutMs);

  beforeEach(async () => {
    ingest = await SentryTestIngest.start();
    dropped = [];
  });
  afterEach(() => ingest.close());

  it('sends each envelope in one request with its length (no chunked encoding), decodable by the SDK', async () => {
    const transport = transportFor();
    await transport.send(eventEnvelope('lean-one'));
    await transport.send(eventEnvelope('lean-two'));
    expect(ingest.events.map((event) => event.message)).toEqual(['lean-one', 'lean-two']);
    const headers = ingest.envelopes.map((envelope) => [envelope.requestHeaders['transfer-encoding'], Number(envelope.requestHeaders['content-length']) > 0]);
    expect(headers).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
  });

  it('gzips a body above 32 KB, as the SDK does', async () => {
    const message = 'x'.repeat(40 * 1024);
    await transportFor().send(eventEnvelope(message));
    expect(ingest.envelopes[0].requestHeaders['content-encoding']).toBe('gzip');
    expect(ingest.events[0].message).toBe(message);
  });

  it("keeps the SDK's rate limiting: after a 429 with Retry-After, the next envelope is dropped without a request", async () => {
    const transport = transportFor();
    ingest.setFault({ kind: 'rate-limit', retryAfterSeconds: 60 });
    await transport.send(eventEnvelope('limited'));
    ingest.setFault(undefined);
    const requestsBefore = ingest.requestCount;
    await transport.send(eventEnvelope('during-back-off'));
    expect({ requests: ingest.requestCount - requestsBefore, dropped }).toEqual({ requests: 0, dropped: ['ratelimit_backoff'] });
  });

  it('gives up a request the ingest never answers, so later envelopes still go out', async () => {
    const transport = transportFor(200);
    ingest.setFault({ kind: 'hang' });
    // More than the agent's 30 sockets: without the timeout, every later send waits behind them forever.
    const hung = Array.from({ length: 35 }, (_, n) => Promise.resolve(transport.send(eventEnvelope(`hung-${n}`))).catch(() => undefined));
    await ingest.waitForRequests(30);
    ingest.setFault(undefined);
    await Promise.all(hung);
    await transport.send(eventEnvelope('after-recovery'));
    expect(ingest.events.map((event) => event.message)).toContain('after-recovery');
  });

  it('falls back to the SDK transport for a custom httpModule, and still delivers', async () => {
    const http = await import('node:http');
    let used = 0;
    const transport = makeLeanHttpTransport({
      url: ingest.envelopeUrl,
      recordDroppedEvent: () => undefined,
      httpModule: { request: (options, callback) => (used++, http.request(options as never, callback as never)) },
    });
    await transport.send(eventEnvelope('via-custom-module'));
    expect({ used, message: ingest.events[0]?.message }).toEqual({ used: 1, message: 'via-custom-module' });
  });
});
