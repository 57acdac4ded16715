import { initSentryFromEnvironment, SentryModule, type SentryModuleOptions } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { sdkForks, TEST_USER_HEADER } from './support/scope-auth.guard';
import { registryLookups } from './support/scope-capture.filters';
import { findIsolationProblems } from './support/scope-isolation-check';
import { expectedEventCount, launchOverlapping, makeOrders } from './support/scope-load';
import { HTTP_CROWD, httpInFlight, WorkModule } from './support/scope-work.controller';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// Hundreds of requests on a shared 2-core machine: allow for other test files running alongside.
jest.setTimeout(120_000);
// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

/**
 * How the SDK got started: late by the module (the usual test setup), or by a
 * preload before the app (the module reuses that client). Either way the SDK forks
 * a scope per HTTP request; without that fork: scope-isolation-fallback.e2e-spec.ts.
 */
type InitMode = 'the module' | 'a preload';

const REQUESTS = 600;
const TENANTS = 24;

describe.each<[HttpPlatform, InitMode]>([
  ['express', 'the module'],
  ['fastify', 'the module'],
  ['express', 'a preload'],
  ['fastify', 'a preload'],
])('request isolation under load: %s, SDK started by %s', (platform, mode) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    const options: SentryModuleOptions = {
      dsn: ingest.dsn,
      tracesSampleRate: 0,
      // Hundreds of events leave at once: room for all of them in the transport queue.
      sdkOptions: { transportOptions: { bufferSize: 10_000 } },
      // The test's own HTTP client runs in this process; its outgoing-request breadcrumbs go
      // to the process-wide default scope that requests start from. Noise, not the app's data.
      beforeBreadcrumb: (crumb) => (crumb.category === 'http' ? null : crumb),
    };
    if (mode === 'a preload') initSentryFromEnvironment(options);
    testApp = await createTestApp({ imports: [SentryModule.forRoot(mode === 'a preload' ? {} : options), WorkModule] }, platform);
  });

  afterAll(async () => {
    await testApp.app.close();
    // A preloaded client belongs to whoever started it: the module only flushed it.
    if (mode === 'a preload') await Sentry.getClient()?.close(2000);
    await ingest.close();
  });

  it(`${REQUESTS} overlapping requests from ${TENANTS} tenants: every event carries only its own request's data`, async () => {
    const orders = makeOrders(REQUESTS, TENANTS, platform);
    httpInFlight.max = 0;
    registryLookups.found = registryLookups.missing = 0;
    sdkForks.forked = sdkForks.notForked = 0;
    await launchOverlapping(orders, 10, 15, async (order) => {
      await request(testApp.url)
        .post('/work')
        .set(TEST_USER_HEADER, JSON.stringify(order.user))
        .send({ rid: order.rid, message: order.message })
        .expect(500);
    });
    const expected = expectedEventCount(orders);
    const events = await ingest.waitForEvents(expected, () => true, { timeoutMs: 60_000 });
    await Sentry.flush(2000);

    expect(new Set(orders.map((order) => order.tenantId)).size).toBeGreaterThanOrEqual(20);
    expect(httpInFlight.max).toBeGreaterThanOrEqual(HTTP_CROWD);
    expect(sdkForks).toEqual({ forked: REQUESTS, notForked: 0 });
    // The filter found each request's scope by its request object.
    expect(registryLookups).toEqual({ found: REQUESTS, missing: 0 });
    expect(findIsolationProblems(events, orders, { suite: 'isolation', route: 'work' }).slice(0, 20)).toEqual([]);
    // Every event accounted for: nothing lost, nothing extra.
    expect(ingest.events).toHaveLength(expected);
  });
});
