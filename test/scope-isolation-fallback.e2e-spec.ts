import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { sdkForks, TEST_USER_HEADER } from './support/scope-auth.guard';
import { registryLookups } from './support/scope-capture.filters';
import { CONTRACT_USER, ContractModule, filterLookups, handlerScopes } from './support/scope-contract';
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
 * The SDK without its HTTP integration: nothing forks a scope per request but the
 * interceptor, and the exception filter runs outside that scope. A file of its own:
 * an HTTP integration set up earlier in the same file would still fork requests.
 */
describe.each<HttpPlatform>(['express', 'fastify'])('isolation when the SDK does not fork HTTP requests (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    const sentry = SentryModule.forRoot({
      dsn: ingest.dsn,
      tracesSampleRate: 0,
      sdkOptions: { defaultIntegrations: false, transportOptions: { bufferSize: 10_000 } },
    });
    testApp = await createTestApp({ imports: [sentry, WorkModule, ContractModule] }, platform);
  });
  beforeEach(() => {
    ingest.clear();
    sdkForks.forked = sdkForks.notForked = 0;
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it("the filter's own context is not the request's; getRequestIsolationScope(host) still finds it", async () => {
    const marker = `fallback-contract-${platform}`;
    await request(testApp.url).post('/contract/fail').set(TEST_USER_HEADER, JSON.stringify(CONTRACT_USER)).send({ marker }).expect(500);

    expect(sdkForks).toEqual({ forked: 0, notForked: 1 });
    expect(filterLookups.get(marker)).toBe(handlerScopes.get(marker));
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === marker);
    expect(event.user).toMatchObject({ id: 'u-contract', email: 'c@t.example' });
    expect(event.tags).toMatchObject({ tenant_id: 't-contract', suite: 'contract' });
    expect(event.breadcrumbs?.map((crumb) => crumb.message)).toContain(`crumb:${marker}`);
    // Control: captured in the filter's own context, the event knows nothing of the request.
    const control = await ingest.waitForEvent((e) => e.message === `control:${marker}`);
    expect(control.user).toBeUndefined();
    expect(control.tags?.tenant_id).toBeUndefined();
  });

  it('600 overlapping requests from 24 tenants: the interceptor\'s own fork isolates them, zero leaks', async () => {
    const orders = makeOrders(600, 24, platform);
    httpInFlight.max = 0;
    registryLookups.found = registryLookups.missing = 0;
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

    expect(sdkForks).toEqual({ forked: 0, notForked: orders.length });
    expect(httpInFlight.max).toBeGreaterThanOrEqual(HTTP_CROWD);
    expect(registryLookups).toEqual({ found: orders.length, missing: 0 });
    expect(findIsolationProblems(events, orders, { suite: 'isolation', route: 'work' }).slice(0, 20)).toEqual([]);
    expect(ingest.events).toHaveLength(expected);
  });
});
