import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Event } from '@sentry/core';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

const RUNS = 40;
const TENANTS = 8;

/** A promise every run awaits, opened only once all runs have started: they all overlap. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('SentryService.runInScope', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let sentry: SentryService;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 })] });
    sentry = testApp.app.get(SentryService);
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it(`${RUNS} overlapping async runs of ${TENANTS} tenants: each event carries its own run's user, tenant, tags and breadcrumbs only`, async () => {
    const allStarted = gate();
    let started = 0;
    const runs = Array.from({ length: RUNS }, (_, index) => {
      const run = `run-${String(index).padStart(2, '0')}`;
      const tenant = `tenant-${index % TENANTS}`;
      return sentry.runInScope(
        async () => {
          sentry.addBreadcrumb(`${run}:start`, 'unit');
          if (++started === RUNS) allStarted.open();
          await allStarted.wait;
          sentry.addBreadcrumb(`${run}:end`, 'unit');
          sentry.setTag('step', `${run}:end`);
          sentry.captureException(new Error(`err:${run}`));
          return run;
        },
        { user: { id: `user-${run}`, email: `${run}@example.com` }, tenantId: tenant, tags: { job: run } },
      );
    });
    expect(await Promise.all(runs)).toHaveLength(RUNS);
    const events = await ingest.waitForEvents(RUNS, (e) => /^err:run-/.test(e.exception?.values?.[0]?.value ?? ''));
    const problems = events.flatMap((event) => problemsOf(event));
    expect(problems).toEqual([]);
  });

  it("a run started inside another starts clean too: none of the outer run's user, tenant, tags or breadcrumbs", async () => {
    await sentry.runInScope(
      async () => {
        sentry.addBreadcrumb('outer:crumb', 'unit');
        sentry.setTag('outer_step', 'set');
        await sentry.runInScope(
          async () => {
            sentry.addBreadcrumb('inner:crumb', 'unit');
            sentry.captureMessage('nested-inner');
          },
          { user: { id: 'inner-user' }, tenantId: 'inner-tenant' },
        );
      },
      { user: { id: 'outer-user' }, tenantId: 'outer-tenant', tags: { job: 'outer' } },
    );
    const event = await ingest.waitForEvent((e) => e.message === 'nested-inner');
    expect({
      user: event.user?.id,
      tenant: event.tags?.tenant_id,
      tags: [event.tags?.job, event.tags?.outer_step],
      crumbs: (event.breadcrumbs ?? []).map((crumb) => crumb.message),
    }).toEqual({ user: 'inner-user', tenant: 'inner-tenant', tags: [undefined, undefined], crumbs: ['inner:crumb'] });
  });

  it('returns what a sync fn returns, rethrows what it throws, and leaks nothing out', async () => {
    expect(sentry.runInScope(() => 42, { tenantId: 'acme' })).toBe(42);
    expect(() => sentry.runInScope(() => { throw new Error('own'); }, { tenantId: 'acme' })).toThrow('own');
    await expect(sentry.runInScope(async () => Promise.reject(new Error('async own')))).rejects.toThrow('async own');
    sentry.runInScope(() => sentry.setUserContext('inside-user', 'inside-tenant'));
    Sentry.captureMessage('after-runs');
    const event = await ingest.waitForEvent((e) => e.message === 'after-runs');
    expect({ user: event.user?.id, tenant: event.tags?.tenant_id, job: event.tags?.job, crumbs: event.breadcrumbs ?? [] }).toEqual({
      user: undefined,
      tenant: undefined,
      job: undefined,
      crumbs: [],
    });
  });
});

function problemsOf(event: Event): string[] {
  const run = /^err:(run-\d+)$/.exec(event.exception?.values?.[0]?.value ?? '')![1];
  const tenant = `tenant-${Number(run.slice(4)) % TENANTS}`;
  const actual = {
    user: event.user?.id,
    email: event.user?.email,
    tenantTag: event.tags?.tenant_id,
    tenantContext: event.contexts?.tenant,
    job: event.tags?.job,
    step: event.tags?.step,
    crumbs: (event.breadcrumbs ?? []).map((crumb) => crumb.message),
  };
  const expected = {
    user: `user-${run}`,
    email: `${run}@example.com`,
    tenantTag: tenant,
    tenantContext: { tenant_id: tenant },
    job: run,
    step: `${run}:end`,
    crumbs: [`${run}:start`, `${run}:end`],
  };
  return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${run}: ${JSON.stringify(actual)}`];
}
