import { readSentryEnvironment, resolveSentryConfig, SentryConfigError, SentryModule, SENTRY_DEFAULTS } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { ConfigModule } from '@nestjs/config';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';
import { SentryProbeModule } from './support/sentry-probe.controller';

const noEnv = () => undefined;
const fromEnv = (env: Record<string, string>) => resolveSentryConfig(readSentryEnvironment((name) => env[name]), noEnv);

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

describe('bad values: one line naming the variable and the value, and the default instead', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['SENTRY_TRACES_SAMPLE_RATE', 'abc', /using 0\.1 instead/],
    ['SENTRY_TRACES_SAMPLE_RATE', '1.5', /using 0\.1 instead/],
    ['SENTRY_TRACES_SAMPLE_RATE', '-1', /using 0\.1 instead/],
    ['SENTRY_TRACES_SAMPLE_RATE', '', /using 0\.1 instead/],
    ['SENTRY_PROFILES_SAMPLE_RATE', 'ten percent', /using 0\.1 instead/],
    ['SENTRY_SAMPLE_RATE', '2', /using 1 instead/],
    ['SENTRY_DSN', 'not-a-dsn', /error tracking disabled/],
    ['SENTRY_DSN', 'https://o1.ingest.sentry.io/42', /error tracking disabled/],
    ['SENTRY_DSN', 'ftp://key@host/42', /error tracking disabled/],
    ['SENTRY_DSN', 'https://key@host/not-a-project', /error tracking disabled/],
    ['SENTRY_ENVIRONMENT', '', /using "development" instead/],
    ['SENTRY_RELEASE', '', /using "0\.1\.0" instead/],
    ['SENTRY_DEBUG', 'maybe', /using false instead/],
    ['SENTRY_ENABLED', 'sometimes', /using true instead/],
    ['SENTRY_MAX_BREADCRUMBS', '101', /using 100 instead/],
    ['SENTRY_MAX_BREADCRUMBS', '2.5', /using 100 instead/],
    ['SENTRY_SHUTDOWN_TIMEOUT_MS', '-5', /using 2000 instead/],
    ['SENTRY_SPOTLIGHT', 'nope', /using false instead/],
    ['SENTRY_STRICT', 'perhaps', /using false instead/],
    ['SENTRY_SERVER_NAME', '', /using the host name instead/],
  ];

  it.each(cases)('%s=%j', (variable, value, fallback) => {
    const { options, problems } = fromEnv({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${variable}=${JSON.stringify(value)} is invalid: expected `);
    expect(problems[0]).toMatch(fallback);
    if (variable === 'SENTRY_DSN') expect(options.dsn).toBe('');
    if (variable === 'SENTRY_TRACES_SAMPLE_RATE') expect(options.tracesSampleRate).toBe(SENTRY_DEFAULTS.tracesSampleRate);
  });

  it('names the option, not a variable, for forRoot options', () => {
    const { options, problems } = resolveSentryConfig({ tracesSampleRate: 1.5, dsn: 'nope' }, noEnv);
    expect(problems).toEqual([
      'SentryModule option dsn="nope" is invalid: expected a Sentry DSN like https://<key>@<host>/<projectId> - error tracking disabled',
      'SentryModule option tracesSampleRate=1.5 is invalid: expected a number from 0 to 1 - using 0.1 instead',
    ]);
    expect([options.dsn, options.tracesSampleRate]).toEqual(['', 0.1]);
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

  const boot = (env: Record<string, string>) =>
    createTestApp({
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }), SentryModule.forRootAsync(), SentryProbeModule],
    });

  it('boots, logs each bad value once as a warning, and still sends events', async () => {
    testApp = await boot({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', SENTRY_SAMPLE_RATE: 'abc', SENTRY_MAX_BREADCRUMBS: '-1' });
    expect(testApp.logger.sentryLines('warn')).toEqual([
      'SENTRY_SAMPLE_RATE="abc" is invalid: expected a number from 0 to 1 - using 1 instead',
      'SENTRY_MAX_BREADCRUMBS="-1" is invalid: expected a whole number from 0 to 100 - using 100 instead',
    ]);
    await request(testApp.url).post('/probe/message').send({ text: 'still-sending' }).expect(201);
    await ingest.waitForEvent((event) => event.message === 'still-sending');
  });

  it('a malformed DSN disables tracking but the app serves', async () => {
    testApp = await boot({ SENTRY_DSN: 'https://no-project-id@sentry.example.com' });
    expect(testApp.logger.sentryLines('warn')).toEqual([
      'SENTRY_DSN="https://no-project-id@sentry.example.com" is invalid: expected a Sentry DSN like https://<key>@<host>/<projectId> - error tracking disabled',
    ]);
    expect(testApp.logger.sentryLines('log')).toContain('SENTRY_DSN not configured - error tracking disabled');
    const response = await request(testApp.url).post('/probe/message').send({ text: 'x' }).expect(201);
    expect(response.body).toEqual({ enabled: false });
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
