import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';
import { SentryProbeModule } from './support/sentry-probe.controller';

const base = { tracesSampleRate: 0, shutdownTimeoutMs: 500 };

describe('fail-open: Sentry trouble never breaks the app', () => {
  let testApp: TestApp | undefined;
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
  });

  it('no DSN: one info line, every SentryService call a safe no-op', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRoot({}), SentryProbeModule] });
    expect(testApp.logger.sentryLines()).toEqual(['SENTRY_DSN not configured - error tracking disabled']);
    const message = await request(testApp.url).post('/probe/message').send({ text: 'x' }).expect(201);
    expect(message.body).toEqual({ enabled: false });
    const exception = await request(testApp.url).post('/probe/exception').send({ text: 'x' }).expect(201);
    expect(exception.body).toEqual({});
  });

  it('an SDK that throws during init is logged and the app serves', async () => {
    testApp = await createTestApp({
      imports: [
        SentryModule.forRoot({
          ...base,
          dsn: 'http://key@127.0.0.1:9/1',
          sdkOptions: {
            transport: () => {
              throw new Error('transport exploded');
            },
          },
        }),
        SentryProbeModule,
      ],
    });
    expect(testApp.logger.sentryLines('error')).toEqual([
      'Failed to initialize Sentry: transport exploded - error tracking disabled, the app carries on',
    ]);
    const response = await request(testApp.url).post('/probe/message').send({ text: 'x' }).expect(201);
    expect(response.body).toEqual({ enabled: false });
  });

  it('an unreachable ingest (closed port): requests are served and close() stays bounded', async () => {
    const ingest = await SentryTestIngest.start();
    const dsn = ingest.dsn;
    await ingest.close();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn }), SentryProbeModule] });
    for (let i = 0; i < 20; i++) {
      const response = await request(testApp.url).post('/probe/exception').send({ text: `lost-${i}` }).expect(201);
      expect(response.body.eventId).toMatch(/^[0-9a-f]{32}$/);
    }
    // Every send is refused at once, so close() has nothing to wait for; a hang fails on the test timeout.
    await testApp.app.close();
    testApp = undefined;
  });

  it('a hanging ingest: requests are served while it holds a send open, and close() gives up at shutdownTimeoutMs, and says so', async () => {
    const ingest = await SentryTestIngest.start();
    ingest.setFault({ kind: 'hang' });
    try {
      testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
      await request(testApp.url).post('/probe/exception').send({ text: 'hang-0' }).expect(201);
      // The ingest now holds that envelope's request open and never answers: a send on the
      // request path would hold every later response too. They are served: sends are non-blocking.
      await ingest.waitForRequests(1);
      for (let i = 1; i < 10; i++) {
        const response = await request(testApp.url).post('/probe/exception').send({ text: `hang-${i}` }).expect(201);
        expect(response.body.eventId).toMatch(/^[0-9a-f]{32}$/);
      }
      expect(ingest.events).toEqual([]);
      const { logger } = testApp;
      await testApp.app.close();
      testApp = undefined;
      // The ingest never answers (the SDK gives up on a silent request only after 10 s): close()
      // returning at all, with this line, means the flush stopped at the timeout.
      expect(logger.sentryLines('warn')).toContain('Sentry could not deliver every pending event within 500 ms at shutdown; the rest are dropped');
    } finally {
      await ingest.close();
    }
  });

  it('an ingest answering 500 or 429: requests are served', async () => {
    const ingest = await SentryTestIngest.start();
    try {
      testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
      ingest.setFault({ kind: 'status', status: 500 });
      await request(testApp.url).post('/probe/exception').send({ text: 'e500' }).expect(201);
      await ingest.waitForRequests(1);
      ingest.setFault({ kind: 'rate-limit', retryAfterSeconds: 60 });
      await request(testApp.url).post('/probe/exception').send({ text: 'e429' }).expect(201);
      await ingest.waitForRequests(2);
      // During the back-off window the SDK sends nothing, and the app still answers.
      ingest.setFault(undefined);
      await request(testApp.url).post('/probe/exception').send({ text: 'during-backoff' }).expect(201);
      expect(ingest.events).toEqual([]);
    } finally {
      await ingest.close();
    }
  });
});
