import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { SentryModule, SentryService, type SentryModuleOptions, type SentryOptionsFactory } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';
import { SentryProbeModule } from './support/sentry-probe.controller';

// Errors-only (rate 0) keeps this file on the light SDK; tracing has its own suite.
const base = { tracesSampleRate: 0 };

describe('SentryModule configuration (real SDK, real ingest)', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp | undefined;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
    ingest.clear();
  });
  afterAll(async () => {
    await ingest.close();
  });

  async function sendProbe(marker: string): Promise<Record<string, unknown>> {
    const response = await request(testApp!.url).post('/probe/message').send({ text: marker }).expect(201);
    expect(response.body.enabled).toBe(true);
    expect(response.body.eventId).toMatch(/^[0-9a-f]{32}$/);
    const event = await ingest.waitForEvent((e) => e.message === marker);
    expect(event.event_id).toBe(response.body.eventId);
    return event as Record<string, unknown>;
  }

  it('forRootAsync() with no arguments reads SENTRY_* through ConfigService', async () => {
    const env = {
      SENTRY_DSN: ingest.dsn,
      SENTRY_ENVIRONMENT: 'staging',
      SENTRY_RELEASE: 'orders@1.2.3',
      SENTRY_TRACES_SAMPLE_RATE: '0',
    };
    testApp = await createTestApp({
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }), SentryModule.forRootAsync(), SentryProbeModule],
    });
    const event = await sendProbe('no-args');
    expect(event.environment).toBe('staging');
    expect(event.release).toBe('orders@1.2.3');
    expect(event.level).toBe('warning');
    expect(event.extra).toEqual({ probe: true });
  });

  it('forRootAsync() works without a global ConfigModule (ConfigService is imported for you)', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRootAsync(), SentryProbeModule] });
    const response = await request(testApp.url).post('/probe/message').send({ text: 'x' }).expect(201);
    // No SENTRY_DSN in the test environment: disabled, and says so once.
    expect(response.body).toEqual({ enabled: false });
    expect(testApp.logger.sentryLines()).toContain('SENTRY_DSN not configured - error tracking disabled');
  });

  it('forRoot(options)', async () => {
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn, environment: 'prod', release: 'r-forRoot' }), SentryProbeModule],
    });
    const event = await sendProbe('forRoot');
    expect([event.environment, event.release]).toEqual(['prod', 'r-forRoot']);
  });

  it('forRootAsync({ imports, inject, useFactory })', async () => {
    testApp = await createTestApp({
      imports: [
        SentryModule.forRootAsync({
          imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ MY_DSN: ingest.dsn })] })],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({ ...base, dsn: config.get('MY_DSN'), release: 'r-factory' }),
        }),
        SentryProbeModule,
      ],
    });
    const event = await sendProbe('useFactory');
    expect(event.release).toBe('r-factory');
    expect(event.environment).toBe('development');
  });

  it('forRootAsync({ useClass })', async () => {
    const dsn = ingest.dsn;
    @Injectable()
    class OptionsFactory implements SentryOptionsFactory {
      createSentryOptions(): SentryModuleOptions {
        return { ...base, dsn, release: 'r-class' };
      }
    }
    testApp = await createTestApp({ imports: [SentryModule.forRootAsync({ useClass: OptionsFactory }), SentryProbeModule] });
    expect((await sendProbe('useClass')).release).toBe('r-class');
  });

  it('forRootAsync({ imports, useExisting })', async () => {
    const dsn = ingest.dsn;
    @Injectable()
    class ExistingFactory implements SentryOptionsFactory {
      async createSentryOptions(): Promise<SentryModuleOptions> {
        return { ...base, dsn, release: 'r-existing' };
      }
    }
    @Module({ providers: [ExistingFactory], exports: [ExistingFactory] })
    class OptionsModule {}
    testApp = await createTestApp({
      imports: [SentryModule.forRootAsync({ imports: [OptionsModule], useExisting: ExistingFactory }), SentryProbeModule],
    });
    expect((await sendProbe('useExisting')).release).toBe('r-existing');
  });

  it('is global by default: a feature module injects SentryService without importing SentryModule', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
    await sendProbe('global-default');
  });

  it('forRootAsync({ isGlobal: true }) really is global', async () => {
    const dsn = ingest.dsn;
    testApp = await createTestApp({
      imports: [SentryModule.forRootAsync({ isGlobal: true, useFactory: () => ({ ...base, dsn }) }), SentryProbeModule],
    });
    await sendProbe('global-async');
  });

  it('isGlobal: false keeps SentryService private to importers', async () => {
    await expect(
      createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn, isGlobal: false }), SentryProbeModule] }),
    ).rejects.toThrow(/SentryService/);
    // A failed boot never reaches app.close(): close the client it started, as process exit would.
    await Sentry.close(100);
  });

  it('defaults: environment "development", release from the package version', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
    const event = await sendProbe('defaults');
    expect(event.environment).toBe('development');
    expect(event.release).toBe(require('../package.json').version);
  });

  it('defaults: APP_VERSION is the release when SENTRY_RELEASE is unset', async () => {
    const env = { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', APP_VERSION: '9.9.9-ci' };
    testApp = await createTestApp({
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }), SentryModule.forRootAsync(), SentryProbeModule],
    });
    expect((await sendProbe('app-version')).release).toBe('9.9.9-ci');
  });

  it('captureException returns the id of the event that arrives, with a stack trace', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
    const response = await request(testApp.url).post('/probe/exception').send({ text: 'boom-probe' }).expect(201);
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'boom-probe');
    expect(event.event_id).toBe(response.body.eventId);
    expect(event.exception?.values?.[0]?.stacktrace?.frames?.length).toBeGreaterThan(0);
  });

  it('tracing rate 0: requests send no transaction at all', async () => {
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ ...base, dsn: ingest.dsn }), SentryProbeModule] });
    for (let i = 0; i < 5; i++) await request(testApp.url).post('/probe/message').send({ text: `rate-0-${i}` }).expect(201);
    await ingest.waitForEvents(5, (e) => String(e.message).startsWith('rate-0-'));
    await testApp.app.get(SentryService).flush();
    expect(ingest.transactions).toEqual([]);
    expect(ingest.envelopes.flatMap((envelope) => envelope.items.map((item) => item.type))).not.toContain('transaction');
  });
});
