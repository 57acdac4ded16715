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
    const started = Date.now();
    await testApp.app.close();
    testApp = undefined;
    expect(Date.now() - started).toBeLessThan(base.shutdownTimeoutMs + 1000);
  });

  it('a hanging ingest: requests are served and close() stays bounded', async () => {
    const ingest = await SentryTestIngest.start();
    ingest.setFault({ kind: 'hang' });
    try {
      testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
      for (let i = 0; i < 10; i++) {
        await request(testApp.url).post('/probe/exception').send({ text: `hang-${i}` }).expect(201);
      }
      await ingest.waitForRequests(1);
      const started = Date.now();
      await testApp.app.close();
      testApp = undefined;
      expect(Date.now() - started).toBeLessThan(base.shutdownTimeoutMs + 1000);
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
