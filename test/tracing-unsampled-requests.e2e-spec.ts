import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Param, Query } from '@nestjs/common';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

/** What the downstream service saw, by the `id` each call carries. */
const downstreamHeaders = new Map<string, IncomingHttpHeaders>();
let downstreamUrl = '';

@Controller('traced')
class TracedController {
  @Get('call/:id')
  async call(@Param('id') id: string): Promise<{ id: string }> {
    await fetch(`${downstreamUrl}/?id=${id}`);
    return { id };
  }

  @Get('fail/:id')
  fail(@Param('id') id: string, @Query('why') why?: string): never {
    throw new Error(`traced-fail:${id}:${why ?? ''}`);
  }
}

@Module({ controllers: [TracedController] })
class TracedModule {}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const byMessage = (message: string) => (event: Event) => event.exception?.values?.[0]?.value === message;

/**
 * With tracing on, a body-less request whose trace is not sampled takes the module's lean
 * fork, and a sampled one the SDK's. Which fork a request took must not show: the decision
 * is the one the SDK would make (the caller's flag, else its sample_rand, else a fresh draw
 * against tracesSampleRate), the trace is the same, and the unsampled ones are counted.
 */
describe.each<HttpPlatform>(['express', 'fastify'])('tracing mode: unsampled requests take the lean fork (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let downstream: Server;

  beforeAll(async () => {
    downstream = createServer((req, res) => {
      downstreamHeaders.set(new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '', req.headers);
      res.end('ok');
    });
    await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
    downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}`;
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp(
      { imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0.5, profilesSampleRate: 0, sdkOptions: { tracePropagationTargets: [/127\.0\.0\.1/] } }), TracedModule] },
      platform,
    );
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
    await new Promise((resolve) => downstream.close(resolve));
  });

  // The downstream service runs in this process: its own transactions are not the requests'.
  const transactionsOf = (traceId: string) => ingest.transactions.filter((t) => t.contexts?.trace?.trace_id === traceId && t.transaction?.startsWith('GET /traced/'));

  it("follows the caller's flag: sampled (-1) gives a transaction and passes -1 on, unsampled (-0) none and passes -0 on", async () => {
    const sampled = Array.from({ length: 6 }, () => ({ traceId: hex(16), id: hex(4) }));
    const unsampled = Array.from({ length: 6 }, () => ({ traceId: hex(16), id: hex(4) }));
    await Promise.all([
      ...sampled.map(({ traceId, id }) => request(testApp.url).get(`/traced/call/${id}`).set('sentry-trace', `${traceId}-${hex(8)}-1`).expect(200)),
      ...unsampled.map(({ traceId, id }) => request(testApp.url).get(`/traced/call/${id}`).set('sentry-trace', `${traceId}-${hex(8)}-0`).expect(200)),
    ]);
    await testApp.app.get(SentryService).flush();
    expect(sampled.map(({ traceId }) => transactionsOf(traceId).length)).toEqual(sampled.map(() => 1));
    expect(unsampled.map(({ traceId }) => transactionsOf(traceId).length)).toEqual(unsampled.map(() => 0));
    const passedOn = (id: string) => String(downstreamHeaders.get(id)?.['sentry-trace'] ?? '');
    expect(sampled.map(({ traceId, id }) => passedOn(id).startsWith(`${traceId}-`) && passedOn(id).endsWith('-1'))).toEqual(sampled.map(() => true));
    expect(unsampled.map(({ traceId, id }) => passedOn(id).startsWith(`${traceId}-`) && passedOn(id).endsWith('-0'))).toEqual(unsampled.map(() => true));
  });

  it("samples a deferred trace by the caller's sample_rand: below the rate a transaction carrying that draw, above it none", async () => {
    const below = { traceId: hex(16), id: hex(4) };
    const above = { traceId: hex(16), id: hex(4) };
    const deferred = (traceId: string, sampleRand: string) => ({ 'sentry-trace': `${traceId}-${hex(8)}`, baggage: `sentry-trace_id=${traceId},sentry-sample_rand=${sampleRand}` });
    await request(testApp.url).get(`/traced/call/${below.id}`).set(deferred(below.traceId, '0.123456')).expect(200);
    await request(testApp.url).get(`/traced/call/${above.id}`).set(deferred(above.traceId, '0.987654')).expect(200);
    await testApp.app.get(SentryService).flush();
    const envelopeTrace = ingest.envelopes.find((e) => e.items.some((item) => item.type === 'transaction' && (item.payload as Event).contexts?.trace?.trace_id === below.traceId && (item.payload as Event).transaction?.startsWith('GET /traced/')))?.headers.trace as
      | { sample_rand?: string; sample_rate?: string }
      | undefined;
    expect({ below: transactionsOf(below.traceId).length, above: transactionsOf(above.traceId).length, rand: envelopeTrace?.sample_rand, rate: envelopeTrace?.sample_rate }).toEqual({
      below: 1,
      above: 0,
      rand: '0.123456',
      rate: '0.5',
    });
    expect(String(downstreamHeaders.get(above.id)?.['sentry-trace'])).toMatch(new RegExp(`^${above.traceId}-[0-9a-f]{16}-0$`));
  });

  it("an unsampled request's error event carries its trace and request, and no transaction is sent", async () => {
    const traceId = hex(16);
    const id = hex(4);
    await request(testApp.url).get(`/traced/fail/${id}?why=x`).set('sentry-trace', `${traceId}-${hex(8)}-0`).expect(500);
    const event = await ingest.waitForEvent(byMessage(`traced-fail:${id}:x`));
    await testApp.app.get(SentryService).flush();
    expect({ trace: event.contexts?.trace?.trace_id, url: event.request?.url, transaction: event.transaction, transactions: transactionsOf(traceId).length }).toEqual({
      trace: traceId,
      url: `${testApp.url}/traced/fail/${id}?why=x`,
      transaction: 'GET /traced/fail/:id',
      transactions: 0,
    });
  });
});
