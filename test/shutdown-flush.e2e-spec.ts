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
    // The ingest answers after 10 s, and the SDK's own send timeout is 10 s: close() waiting for
    // either would find the request answered or dropped. Bounded by the 0.3 s timeout, it returns
    // while the ingest still holds the request.
    ingest.setFault({ kind: 'slow', delayMs: 10_000 });
    const { app, url, logger } = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, shutdownTimeoutMs: 300 }), SentryProbeModule],
    });
    await request(url).post('/probe/exception').send({ text: 'too-slow' }).expect(201);
    await ingest.waitForRequests(1);
    await app.close();
    // Still held: neither answered (recorded) nor cut by the client (rejected).
    expect({ recorded: ingest.events.length, cut: ingest.rejected }).toEqual({ recorded: 0, cut: 0 });
    expect(logger.sentryLines('warn')).toEqual([
      'Sentry could not deliver every pending event within 300 ms at shutdown; the rest are dropped',
    ]);
  });
});
