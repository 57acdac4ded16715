import { SentryTestIngest } from '@app/sentry/testing';
import { startChildApp, type ChildApp } from '../support/child-app';
import { messageOf, unitOf } from './background-events';
import { startTestRedis, type TestRedis } from './redis-server';

jest.setTimeout(90_000);

/**
 * With the preload, Sentry's own Nest instrumentation wraps these handlers too and captures
 * their errors (in an isolation scope forked from the module's): each error must still
 * arrive once, carrying the run's tenant and name.
 */
describe('background work with the preload (child process, real Redis): each error captured exactly once', () => {
  let redis: TestRedis;
  let ingest: SentryTestIngest;
  let app: ChildApp;

  beforeAll(async () => {
    [redis, ingest] = await Promise.all([startTestRedis(), SentryTestIngest.start()]);
    app = await startChildApp(
      'test/background/background-app.main.ts',
      { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', REDIS_PORT: String(redis.port) },
      ['libs/sentry/src/instrument.ts'],
    );
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.all([ingest?.close(), redis?.stop()]);
  });

  it('the preload wrapped the handlers itself (so two layers could capture)', () => {
    expect(app.output()).toContain('PRELOAD_WRAPPED true,true,true');
  });

  it.each([
    ['err:cron:1', 'cron orders.cleanup', 'cron-bot', 'acme', ['cron:1']],
    ['err:cron:2', 'cron orders.cleanup', 'cron-bot', 'acme', ['cron:2']],
    ['err:interval:1', 'cron stats.refresh', undefined, 'globex', ['interval:1']],
    ['err:timeout:1', 'cron ScheduledJobs.warmup', undefined, undefined, ['timeout:1']],
    ['err:event:o-pre', 'event order.created', 'u-pre', 'initech', ['o-pre:start', 'o-pre:end']],
    // Emitted from inside another @OnEvent call: none of that call's breadcrumbs (nor its tag: last test).
    ['err:nested:o-review', 'event order.reviewed', 'u-review', 'hooli', ['o-review:reviewed']],
    ['err:queue:r-pre:1', 'queue emails:send', 'u-q', 'umbrella', ['r-pre:attempt-1']],
    ['err:queue:r-pre:2', 'queue emails:send', 'u-q', 'umbrella', ['r-pre:attempt-2']],
  ])('%s: once, as %s, user %s, tenant %s, its own breadcrumbs', async (message, transaction, user, tenant, crumbs) => {
    await ingest.waitForEvent((event) => messageOf(event) === message, { timeoutMs: 30_000 });
    // Both layers capture synchronously in the same call, one after the other: a duplicate would be sent
    // right behind the first. The last expected error arriving means everything before it was sent.
    await ingest.waitForEvent((event) => messageOf(event) === 'err:queue:r-pre:2', { timeoutMs: 30_000 });
    await ingest.waitForEvent((event) => messageOf(event) === 'err:cron:2', { timeoutMs: 30_000 });
    const events = ingest.events.filter((event) => messageOf(event) === message);
    expect(events.map((event) => ({ ...unitOf(event), mechanism: event.exception?.values?.[0]?.mechanism?.handled }))).toEqual([
      { message, transaction, mechanism: false, user, tenantTag: tenant, tenantContext: tenant && { tenant_id: tenant }, crumbs },
    ]);
  });

  it("an @OnEvent call emitted from inside another carries none of the outer call's tags", async () => {
    const review = await ingest.waitForEvent((event) => messageOf(event) === 'err:nested:o-review', { timeoutMs: 30_000 });
    expect(review.tags).toMatchObject({ tenant_id: 'hooli' });
    expect(review.tags).not.toHaveProperty('flagged_by');
  });
});
