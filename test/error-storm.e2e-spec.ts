import { Controller, Get, Param, Post } from '@nestjs/common';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { bootWithEnv } from './support/config-app';
import { createTestApp, type TestApp } from './support/create-test-app';
import { installMovableClock, type MovableClock } from './support/movable-clock';

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

// Windows far longer than a test can run, so every storm falls in one window however slow the
// machine; the next window comes by moving the clock, not by waiting.
describe('error-storm guard', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let clock: MovableClock;
  const windowMs = 10 * 60_000;
  beforeAll(async () => {
    clock = installMovableClock();
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, errorStorm: { limit: 5, windowMs } })],
      controllers: [StormController],
    });
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
    clock.restore();
  });

  const stormEvents = () => ingest.events.filter((e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');

  it('sends the first few of a repeating error, counts the rest, and reports the count on the next window', async () => {
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 20 }, () => request(testApp.url).get('/storm').expect(500)));
    }
    await testApp.app.get(SentryService).flush();
    await request(testApp.url).post('/marker').expect(201);
    await ingest.waitForEvent((e) => e.message === 'storm-marker');
    expect(stormEvents()).toHaveLength(5);
    expect(stormEvents().every((e) => e.extra?.['error_storm.suppressed'] === undefined)).toBe(true);

    clock.advance(windowMs);
    await request(testApp.url).get('/storm').expect(500);
    const next = await ingest.waitForEvents(6, (e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
    expect(next[5].extra?.['error_storm.suppressed']).toBe(95);
  });

  it('distinct errors are not limited', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => request(testApp.url).get(`/unique/${i}`).expect(500)));
    const events = await ingest.waitForEvents(30, (e) => e.exception?.values?.[0]?.value?.startsWith('unique failure') === true);
    expect(new Set(events.map((e) => e.exception?.values?.[0]?.value)).size).toBe(30);
  });
});

describe('error-storm guard from SENTRY_ERROR_STORM_* (forRootAsync() with no arguments)', () => {
  let ingest: SentryTestIngest;
  let clock: MovableClock;
  beforeAll(async () => {
    clock = installMovableClock();
    ingest = await SentryTestIngest.start();
  });
  afterAll(async () => {
    await ingest.close();
    clock.restore();
  });

  const bootStormApp = (env: Record<string, string>) =>
    bootWithEnv({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', ...env }, [StormController]);
  const stormEvents = () => ingest.events.filter((e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
  const storm = (testApp: TestApp, count: number) => Promise.all(Array.from({ length: count }, () => request(testApp.url).get('/storm').expect(500)));
  const settle = async (testApp: TestApp, marker: string) => {
    await testApp.app.get(SentryService).flush();
    testApp.app.get(SentryService).captureMessage(marker);
    await ingest.waitForEvent((e) => e.message === marker);
  };

  it('SENTRY_ERROR_STORM_LIMIT=3, SENTRY_ERROR_STORM_WINDOW_SECONDS=600: three sent, the count rides on the first of the next window', async () => {
    ingest.clear();
    const testApp = await bootStormApp({ SENTRY_ERROR_STORM_LIMIT: '3', SENTRY_ERROR_STORM_WINDOW_SECONDS: '600' });
    try {
      await storm(testApp, 20);
      await settle(testApp, 'env-storm-before-marker');
      expect(stormEvents()).toHaveLength(3);

      // Half the window later it still holds (600 s, not 600 ms: a test cannot run 300 s)...
      clock.advance(300_000);
      await storm(testApp, 1);
      await settle(testApp, 'env-storm-within-marker');
      expect(stormEvents()).toHaveLength(3);

      // ...and once the whole window has passed, the next one is sent with the count.
      clock.advance(300_000);
      await storm(testApp, 1);
      const next = await ingest.waitForEvents(4, (e) => e.exception?.values?.[0]?.value === 'database unreachable (storm)');
      expect(next[3].extra?.['error_storm.suppressed']).toBe(18);
    } finally {
      await testApp.app.close();
    }
  });

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
