import { Controller, Get, Param, Post } from '@nestjs/common';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { bootWithEnv } from './support/config-app';
import { createTestApp, type TestApp } from './support/create-test-app';

@Controller()
class StormController {
  constructor(private readonly sentry: SentryService) {}

  @Get('storm')
  storm(): never {
    throw new Error('database unreachable (storm)');
  }

  @Get('unique/:id')
  unique(@Param('id') id: string): never {
    throw new Error(`unique failure ${id}`);
  }

  @Post('marker')
  marker(): void {
    this.sentry.captureMessage('storm-marker');
  }
}

describe('error-storm guard', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  const windowMs = 5000;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, errorStorm: { limit: 5, windowMs } })],
      controllers: [StormController],
    });
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  const stormEvents = () => ingest.events.filter((e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');

  it('sends the first few of a repeating error, counts the rest, and reports the count on the next window', async () => {
    const started = Date.now();
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 20 }, () => request(testApp.url).get('/storm').expect(500)));
    }
    expect(Date.now() - started).toBeLessThan(windowMs); // all 100 fell in one window
    await testApp.app.get(SentryService).flush();
    await request(testApp.url).post('/marker').expect(201);
    await ingest.waitForEvent((e) => e.message === 'storm-marker');
    expect(stormEvents()).toHaveLength(5);
    expect(stormEvents().every((e) => e.extra?.['error_storm.suppressed'] === undefined)).toBe(true);

    // The window opened at the first error the filter saw, a little after `started`: wait past it with room to spare.
    await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() - started) + 1000));
    await request(testApp.url).get('/storm').expect(500);
    const next = await ingest.waitForEvents(6, (e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
    expect(next[5].extra?.['error_storm.suppressed']).toBe(95);
  }, 20_000);

  it('distinct errors are not limited', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => request(testApp.url).get(`/unique/${i}`).expect(500)));
    const events = await ingest.waitForEvents(30, (e) => e.exception?.values?.[0]?.value?.startsWith('unique failure') === true);
    expect(new Set(events.map((e) => e.exception?.values?.[0]?.value)).size).toBe(30);
  });
});

describe('error-storm guard from SENTRY_ERROR_STORM_* (forRootAsync() with no arguments)', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  const bootStormApp = (env: Record<string, string>) =>
    bootWithEnv({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', ...env }, [StormController]);
  const stormEvents = () => ingest.events.filter((e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
  const storm = (testApp: TestApp, count: number) => Promise.all(Array.from({ length: count }, () => request(testApp.url).get('/storm').expect(500)));
  const settle = async (testApp: TestApp, marker: string) => {
    await testApp.app.get(SentryService).flush();
    testApp.app.get(SentryService).captureMessage(marker);
    await ingest.waitForEvent((e) => e.message === marker);
  };

  it('SENTRY_ERROR_STORM_LIMIT=3, SENTRY_ERROR_STORM_WINDOW_SECONDS=2: three sent, the count rides on the first of the next window', async () => {
    ingest.clear();
    const testApp = await bootStormApp({ SENTRY_ERROR_STORM_LIMIT: '3', SENTRY_ERROR_STORM_WINDOW_SECONDS: '2' });
    try {
      const started = Date.now();
      await storm(testApp, 20);
      expect(Date.now() - started).toBeLessThan(2000); // all 20 fell in one window
      await settle(testApp, 'env-storm-marker');
      expect(stormEvents()).toHaveLength(3);

      await new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() - started) + 500));
      await storm(testApp, 1);
      const next = await ingest.waitForEvents(4, (e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
      expect(next[3].extra?.['error_storm.suppressed']).toBe(17);
    } finally {
      await testApp.app.close();
    }
  }, 20_000);

  it('SENTRY_ERROR_STORM_LIMIT=0 turns the guard off: every repeat is sent', async () => {
    ingest.clear();
    const testApp = await bootStormApp({ SENTRY_ERROR_STORM_LIMIT: '0' });
    try {
      await storm(testApp, 25);
      await settle(testApp, 'env-storm-off-marker');
      expect(stormEvents()).toHaveLength(25);
    } finally {
      await testApp.app.close();
    }
  });
});
