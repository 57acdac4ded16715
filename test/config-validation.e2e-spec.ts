import { resolveSentryConfig, SentryConfigError } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { bootWithEnv as boot, resolveFromEnv as fromEnv } from './support/config-app';
import type { TestApp } from './support/create-test-app';

const noEnv = () => undefined;

describe('configuration defaults', () => {
  it('applies every default when nothing is set', () => {
    const { options, problems } = fromEnv({});
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      dsn: '',
      environment: 'development',
      tracesSampleRate: 0.1,
      profilesSampleRate: 0.1,
      sampleRate: 1,
      debug: false,
      enabled: true,
      maxBreadcrumbs: 100,
      spotlight: false,
      shutdownTimeoutMs: 2000,
      strict: false,
    });
    expect(options.release).toBe(require('../package.json').version);
  });

  it('coerces valid env strings', () => {
    const { options, problems } = fromEnv({
      SENTRY_DSN: ' https://abc@o1.ingest.sentry.io/42 ',
      SENTRY_TRACES_SAMPLE_RATE: '0.25',
      SENTRY_PROFILES_SAMPLE_RATE: '1',
      SENTRY_SAMPLE_RATE: '0',
      SENTRY_DEBUG: 'yes',
      SENTRY_ENABLED: 'FALSE',
      SENTRY_MAX_BREADCRUMBS: '20',
      SENTRY_SPOTLIGHT: 'http://localhost:8969/stream',
      SENTRY_SHUTDOWN_TIMEOUT_MS: '500',
      SENTRY_SERVER_NAME: 'api-1',
    });
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      dsn: 'https://abc@o1.ingest.sentry.io/42',
      tracesSampleRate: 0.25,
      profilesSampleRate: 1,
      sampleRate: 0,
      debug: true,
      enabled: false,
      maxBreadcrumbs: 20,
      spotlight: 'http://localhost:8969/stream',
      shutdownTimeoutMs: 500,
      serverName: 'api-1',
    });
  });
});

// Every variable × each kind of bad value, through a real app: config-matrix.e2e-spec.ts.
describe('bad values: what the matrix does not cover', () => {
  it('names the option, not a variable, for forRoot options', () => {
    const { options, problems } = resolveSentryConfig({ tracesSampleRate: 1.5, dsn: 'nope' }, noEnv);
    expect(problems).toEqual([
      'SentryModule option dsn="nope" is invalid: expected a Sentry DSN like https://<key>@<host>/<projectId> - error tracking disabled',
      'SentryModule option tracesSampleRate=1.5 is invalid: expected a number from 0 to 1 - using 0.1 instead',
    ]);
    expect([options.dsn, options.tracesSampleRate]).toEqual(['', 0.1]);
  });

  it('a rejected option without a default is dropped, not passed on (serverName, release)', () => {
    const { options, problems } = resolveSentryConfig({ serverName: '  ', release: '' }, noEnv);
    expect(problems).toHaveLength(2);
    expect(options.serverName).toBeUndefined();
    expect(options.release).toBe(require('../package.json').version);
  });

  it('keeps the good values when some are bad (nothing else is lost)', () => {
    const { options, problems } = fromEnv({ SENTRY_DSN: 'https://k@h.io/1', SENTRY_TRACES_SAMPLE_RATE: 'abc', SENTRY_ENVIRONMENT: 'prod' });
    expect(problems).toHaveLength(1);
    expect([options.dsn, options.environment, options.tracesSampleRate]).toEqual(['https://k@h.io/1', 'prod', 0.1]);
  });
});

describe('bad values in a real app', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
  });
  afterAll(() => ingest.close());

  it('boots, logs each bad value once as a warning, and still sends events', async () => {
    testApp = await boot({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', SENTRY_SAMPLE_RATE: 'abc', SENTRY_MAX_BREADCRUMBS: '-1' });
    expect(testApp.logger.sentryLines('warn')).toEqual([
      'SENTRY_SAMPLE_RATE="abc" is invalid: expected a number from 0 to 1 - using 1 instead',
      'SENTRY_MAX_BREADCRUMBS="-1" is invalid: expected a whole number from 0 to 100 - using 100 instead',
    ]);
    await request(testApp.url).post('/probe/message').send({ text: 'still-sending' }).expect(201);
    await ingest.waitForEvent((event) => event.message === 'still-sending');
  });

  it('strict mode throws at boot, listing every bad value', async () => {
    const failure = boot({ SENTRY_STRICT: 'true', SENTRY_DSN: 'bogus', SENTRY_TRACES_SAMPLE_RATE: '1.5' });
    await expect(failure).rejects.toBeInstanceOf(SentryConfigError);
    await expect(failure).rejects.toThrow(/SENTRY_DSN="bogus"[\s\S]*SENTRY_TRACES_SAMPLE_RATE="1\.5"/);
  });

  it('strict mode with a valid configuration boots normally', async () => {
    testApp = await boot({ SENTRY_STRICT: 'true', SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0' });
    expect(testApp.logger.sentryLines('warn')).toEqual([]);
  });
});
