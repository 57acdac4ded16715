import { SentryTestIngest } from '@app/sentry/testing';
import { startChildApp } from './support/child-app';

/** What Node loaded in a fresh process for a given configuration. */
async function loadedFor(env: Record<string, string>): Promise<Record<string, number>> {
  const app = await startChildApp('test/support/loaded-modules.main.ts', env);
  try {
    return JSON.parse(/REPORT (\{.*\})/.exec(app.output())![1]);
  } finally {
    await app.stop();
  }
}

describe('each feature is paid for only when on', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  it('tracing rate 0: no OpenTelemetry SDK, no profiler loaded', async () => {
    const loaded = await loadedFor({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0', SENTRY_PROFILES_SAMPLE_RATE: '1' });
    expect(loaded).toMatchObject({ opentelemetrySdk: 0, profiler: 0 });
    expect(loaded.sentryNode).toBeGreaterThan(0);
  }, 30_000);

  it('no DSN: nothing of the SDK beyond @sentry/core is loaded', async () => {
    const loaded = await loadedFor({});
    expect(loaded).toEqual({ opentelemetrySdk: 0, sentryNode: 0, profiler: 0 });
  }, 30_000);

  it('tracing on without the preload, profiling 0: no OpenTelemetry SDK, no profiler', async () => {
    const loaded = await loadedFor({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0.5', SENTRY_PROFILES_SAMPLE_RATE: '0' });
    expect(loaded).toMatchObject({ opentelemetrySdk: 0, profiler: 0 });
  }, 30_000);

  it('tracing and profiling on: the profiler loads', async () => {
    const loaded = await loadedFor({ SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '0.5', SENTRY_PROFILES_SAMPLE_RATE: '0.5' });
    expect(loaded.profiler).toBeGreaterThan(0);
  }, 30_000);
});
