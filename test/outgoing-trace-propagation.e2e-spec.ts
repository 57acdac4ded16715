import { Controller, Get, Query } from '@nestjs/common';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { startChildApp, type ChildApp } from './support/child-app';
import { createTestApp, type TestApp } from './support/create-test-app';
import { HeaderRecorder } from './support/header-recorder';
import { callWithBothClients } from './support/outgoing-calls';

@Controller('orders')
class OutgoingController {
  /** As the traced app's route: node:http, then fetch, to each URL of `to`. */
  @Get(':id/outgoing')
  async outgoing(@Query('to') to: string): Promise<string> {
    await callWithBothClients(to);
    return 'called';
  }
}

/** The `http.client` spans of a transaction, as "METHOD url" of what they called. */
function clientSpans(transaction: Event): string[] {
  return (transaction.spans ?? []).filter((span) => span.op === 'http.client').map((span) => String(span.description));
}

function calledPath(transaction: Event, path: string): boolean {
  return clientSpans(transaction).some((span) => span.endsWith(path));
}

/**
 * Outgoing calls continue the request's trace, with both clients, in late init and with the
 * preload: an `http.client` span each, and `sentry-trace` / `baggage` headers naming the
 * request's trace, only towards `tracePropagationTargets`.
 */
describe('outgoing calls carry the trace (node:http and fetch)', () => {
  let ingest: SentryTestIngest;
  let traced: HeaderRecorder;
  let untraced: HeaderRecorder;
  beforeAll(async () => {
    [ingest, traced, untraced] = await Promise.all([SentryTestIngest.start(), HeaderRecorder.start(), HeaderRecorder.start()]);
  });
  afterAll(async () => {
    await Promise.all([ingest.close(), traced.close(), untraced.close()]);
  });

  describe('late init (SentryModule starts the SDK)', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      const tracePropagationTargets = [traced.url];
      testApp = await createTestApp({
        imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 1, sdkOptions: { tracePropagationTargets } })],
        controllers: [OutgoingController],
      });
    });
    afterAll(() => testApp.app.close());

    it('spans for both clients; trace headers only where tracePropagationTargets allow', async () => {
      await request(testApp.url).get('/orders/1/outgoing').query({ to: `${traced.url}/late,${untraced.url}/late` }).expect(200);
      const transaction = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/:id/outgoing' && calledPath(t, '/late'));
      const traceId = transaction.contexts?.trace?.trace_id;
      expect(clientSpans(transaction).filter((span) => span.endsWith('/late'))).toHaveLength(4);
      const toTraced = traced.received.filter((call) => call.path === '/late');
      expect(toTraced).toHaveLength(2);
      for (const call of toTraced) {
        expect(String(call.headers['sentry-trace'])).toMatch(new RegExp(`^${traceId}-[0-9a-f]{16}-1$`));
        expect(String(call.headers.baggage)).toContain(`sentry-trace_id=${traceId}`);
      }
      const toUntraced = untraced.received.filter((call) => call.path === '/late');
      expect(toUntraced).toHaveLength(2);
      expect(toUntraced.map((call) => call.headers['sentry-trace'] ?? 'none')).toEqual(['none', 'none']);
    });
  });

  describe('preload (instrument entry, child process)', () => {
    let app: ChildApp;
    beforeAll(async () => {
      app = await startChildApp(
        'test/support/traced-app/traced-app.main.ts',
        { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', SENTRY_PROFILES_SAMPLE_RATE: '0', DATABASE_URL: 'postgres://127.0.0.1:9/unused' },
        ['libs/sentry/src/instrument.ts'],
      );
    }, 60_000);
    afterAll(() => app?.stop());

    it('spans for both clients, and trace headers on both calls', async () => {
      await request(app.url).get('/orders/2/outgoing').query({ to: `${traced.url}/preload` }).expect(200);
      // The late-init app's transaction has the same name: this one is told apart by what it called.
      const transaction = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/:id/outgoing' && calledPath(t, '/preload'));
      const traceId = transaction.contexts?.trace?.trace_id;
      expect(clientSpans(transaction).filter((span) => span.endsWith('/preload'))).toHaveLength(2);
      const calls = traced.received.filter((call) => call.path === '/preload');
      expect(calls).toHaveLength(2);
      for (const call of calls) expect(String(call.headers['sentry-trace'])).toMatch(new RegExp(`^${traceId}-[0-9a-f]{16}-1$`));
    });
  });
});
