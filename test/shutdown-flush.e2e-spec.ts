import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp } from './support/create-test-app';
import { SentryProbeModule } from './support/sentry-probe.controller';

describe('shutdown flush', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(() => {
    ingest.setFault(undefined);
    ingest.clear();
  });
  afterAll(() => ingest.close());

  it('app.close() delivers events captured just before it', async () => {
    ingest.setFault({ kind: 'slow', delayMs: 150 });
    const { app, url } = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, shutdownTimeoutMs: 5000 }), SentryProbeModule],
    });
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      ids.push((await request(url).post('/probe/exception').send({ text: `before-close-${i}` }).expect(201)).body.eventId);
    }
    await app.close();
    // Everything is already there when close() resolves: no waiting after it.
    const received = ingest.events.map((event) => event.event_id);
    expect(received.sort()).toEqual(ids.sort());
  });

  it('gives up after shutdownTimeoutMs when the ingest is too slow, and says so', async () => {
    // An ingest 10 s slow: close() waiting for it would take 10 s, bounded by the timeout it takes 0.3 s.
    ingest.setFault({ kind: 'slow', delayMs: 10_000 });
    const { app, url, logger } = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, shutdownTimeoutMs: 300 }), SentryProbeModule],
    });
    await request(url).post('/probe/exception').send({ text: 'too-slow' }).expect(201);
    const started = Date.now();
    await app.close();
    // Wide margin for a busy machine (Nest's own teardown is in there too); far below the ingest's 10 s.
    expect(Date.now() - started).toBeLessThan(300 + 4000);
    expect(logger.sentryLines('warn')).toEqual([
      'Sentry could not deliver every pending event within 300 ms at shutdown; the rest are dropped',
    ]);
  });
});
