import { Controller, Get, Logger, Post } from '@nestjs/common';
import { SentryLogger, SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';

@Controller('log')
class LoggingController {
  private readonly logger = new Logger('Orders');
  constructor(private readonly sentry: SentryService) {}

  @Post('breadcrumbs')
  breadcrumbs(): void {
    this.logger.log('loaded order 17');
    this.logger.warn('stock low for order 17');
    this.logger.debug('debug detail 17');
    this.sentry.captureMessage('after-breadcrumbs');
  }

  @Post('error-string')
  errorString(): void {
    this.logger.error('payment provider said no', 'Error: no\n    at pay (pay.ts:1:1)');
  }

  @Post('error-object')
  errorObject(): void {
    this.logger.error(new Error('logged error object'));
  }

  @Get('throw')
  throws(): void {
    throw new Error('thrown and logged by Nest');
  }

  /** What a library that caught an error does after reporting it (the event emitter, for a failed @OnEvent call). */
  @Post('captured-then-logged')
  capturedThenLogged(): void {
    const error = new Error('captured, then logged as message and stack');
    this.sentry.captureException(error);
    this.logger.error(error.message, error.stack);
    this.sentry.captureMessage('after-captured-then-logged');
  }

  @Post('marker')
  marker(): void {
    this.sentry.captureMessage('logger-marker');
  }
}

describe('SentryLogger', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, enableLogs: true })],
      controllers: [LoggingController],
    });
    testApp.app.useLogger(testApp.app.get(SentryLogger));
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('turns log/warn/debug into breadcrumbs of the next event', async () => {
    await request(testApp.url).post('/log/breadcrumbs').expect(201);
    const event = await ingest.waitForEvent((e) => e.message === 'after-breadcrumbs');
    const crumbs = (event.breadcrumbs ?? []).filter((b) => b.category === 'Orders').map((b) => [b.level, b.message]);
    expect(crumbs).toEqual([
      ['info', 'loaded order 17'],
      ['warning', 'stock low for order 17'],
      ['debug', 'debug detail 17'],
    ]);
  });

  it('turns error(message, stack) into an error event with the stack as extra', async () => {
    await request(testApp.url).post('/log/error-string').expect(201);
    const event = await ingest.waitForEvent((e) => e.message === 'payment provider said no');
    expect(event.level).toBe('error');
    expect(event.tags?.logger).toBe('Orders');
    expect(String(event.extra?.stack)).toContain('at pay');
  });

  it('keeps error(message, stack) of an error already captured as a breadcrumb, not a second event', async () => {
    await request(testApp.url).post('/log/captured-then-logged').expect(201);
    const text = 'captured, then logged as message and stack';
    const after = await ingest.waitForEvent((e) => e.message === 'after-captured-then-logged');
    await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === text);
    expect({
      exceptions: ingest.events.filter((e) => e.exception?.values?.[0]?.value === text).length,
      messages: ingest.events.filter((e) => e.message === text).length,
      crumb: (after.breadcrumbs ?? []).filter((b) => b.category === 'Orders' && b.message === text).map((b) => b.level),
    }).toEqual({ exceptions: 1, messages: 0, crumb: ['error'] });
  });

  it('turns error(new Error()) into an exception event', async () => {
    await request(testApp.url).post('/log/error-object').expect(201);
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'logged error object');
    expect(event.level).toBe('error');
  });

  it('an exception the filter captured and Nest logged is sent once', async () => {
    await request(testApp.url).get('/log/throw').expect(500);
    // An exception event reads source files before it is sent: flush so the marker cannot overtake it.
    await testApp.app.get(SentryService).flush();
    await request(testApp.url).post('/log/marker').expect(201);
    await ingest.waitForEvent((e) => e.message === 'logger-marker');
    const sent = ingest.events.filter((e) => e.exception?.values?.[0]?.value === 'thrown and logged by Nest');
    expect(sent).toHaveLength(1);
  });

  it('with enableLogs, log lines also arrive as Sentry logs', async () => {
    await request(testApp.url).post('/log/breadcrumbs').expect(201);
    await testApp.app.get(SentryService).flush();
    const log = await ingest.waitForLog((l) => l.body === 'stock low for order 17');
    expect(log.level).toBe('warn');
  });
});
