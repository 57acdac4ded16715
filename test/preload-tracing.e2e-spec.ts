import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { startChildApp, type ChildApp } from './support/child-app';
import { startTestPostgres, type TestPostgres } from './support/embedded-postgres';

describe('instrument preload + tracing (child process, real PostgreSQL)', () => {
  let ingest: SentryTestIngest;
  let postgres: TestPostgres;
  let app: ChildApp;

  beforeAll(async () => {
    [ingest, postgres] = await Promise.all([SentryTestIngest.start(), startTestPostgres()]);
    app = await startChildApp(
      'test/support/traced-app/traced-app.main.ts',
      {
        SENTRY_DSN: ingest.dsn,
        SENTRY_TRACES_SAMPLE_RATE: '1',
        SENTRY_PROFILES_SAMPLE_RATE: '1',
        SENTRY_RELEASE: 'traced@1.0.0',
        SENTRY_ENVIRONMENT: 'ci',
        DATABASE_URL: postgres.url,
      },
      ['libs/sentry/src/instrument.ts'],
    );
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.all([ingest?.close(), postgres?.stop()]);
  });

  it('names the transaction by route pattern and records a DB span with the SQL text, never parameter values', async () => {
    await request(app.url).get('/orders/1234').expect(200);
    const transaction = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/:id');
    expect(transaction.release).toBe('traced@1.0.0');
    expect(transaction.environment).toBe('ci');
    const db = (transaction.spans ?? []).find((span) => span.op === 'db' && span.description?.startsWith('SELECT'));
    expect(db?.description).toBe('SELECT $1::text AS id, $2::text AS secret_param');
    expect(ingest.rawText()).not.toContain('param-value-never-sent');
  });

  // The preload loads nothing of Nest before Sentry.init, so the SDK instruments Nest's components as they load.
  it('traces the guard, pipe, interceptor, middleware and route handler of a request, and an exception filter', async () => {
    await request(app.url).get('/orders/55').expect(200);
    await request(app.url).get('/orders/56/stale').expect(409);
    const found = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/:id');
    const stale = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/:id/stale');
    const traced = (t: typeof found) => (t.spans ?? []).map((span) => `${span.op} ${span.origin} ${span.description}`);
    expect(traced(found)).toEqual(
      expect.arrayContaining([
        'middleware auto.middleware.nestjs.guard AllowGuard',
        'middleware auto.middleware.nestjs.pipe ParseIntPipe',
        'middleware auto.middleware.nestjs.interceptor PassInterceptor',
        'middleware auto.middleware.nestjs StampMiddleware',
      ]),
    );
    expect(traced(found).some((span) => span.startsWith('handler '))).toBe(true);
    expect(traced(stale)).toEqual(expect.arrayContaining(['middleware auto.middleware.nestjs.exception_filter StaleOrderFilter']));
  });

  it('sends profiles when profiling is on', async () => {
    await request(app.url).get('/orders/77').expect(200);
    const profile = await ingest.waitForItem('profile_chunk', undefined, { timeoutMs: 20_000 }).catch(() => ingest.waitForItem('profile', undefined, { timeoutMs: 1 }));
    expect(['profile_chunk', 'profile']).toContain(profile.type);
  });

  it('reuses the preloaded client: one init line, no second init', () => {
    const output = app.output();
    expect(output.match(/Sentry error tracking enabled/g)).toHaveLength(1);
    expect(output).toContain('Reusing the Sentry client initialised by the instrument preload');
  });
});
