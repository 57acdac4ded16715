import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { TEST_USER_HEADER } from './support/scope-auth.guard';
import { CONTRACT_USER, ContractModule, filterLookups, handlerScopes } from './support/scope-contract';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

// With the SDK's HTTP integration (it forks a scope per request). Without it: scope-isolation-fallback.
describe.each<HttpPlatform>(['express', 'fastify'])('registry contract for exception filters (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ContractModule] }, platform);
  });
  afterEach(() => ingest.clear());
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it("getRequestIsolationScope(host) is the scope the handler ran in; capturing in it gives the request's data", async () => {
    const marker = `contract-${platform}`;
    await request(testApp.url).post('/contract/fail').set(TEST_USER_HEADER, JSON.stringify(CONTRACT_USER)).send({ marker }).expect(500);

    expect(filterLookups.get(marker)).toBe(handlerScopes.get(marker));
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === marker);
    expect(event.user).toMatchObject({ id: 'u-contract', email: 'c@t.example' });
    expect(event.tags).toMatchObject({ tenant_id: 't-contract', suite: 'contract' });
    expect(event.contexts?.tenant).toEqual({ tenant_id: 't-contract' });
    expect(event.breadcrumbs?.map((crumb) => crumb.message)).toContain(`crumb:${marker}`);
  });

  it("a guard that throws: the module's own global guard ran first, so the filter still captures in the request's scope", async () => {
    await request(testApp.url).post('/contract/denied').set(TEST_USER_HEADER, JSON.stringify(CONTRACT_USER)).expect(403);
    expect(filterLookups.has('denied-by-guard')).toBe(true);
    expect(filterLookups.get('denied-by-guard')).toBeDefined();
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'denied-by-guard');
    // The principal is resolved when the event is built: the auth guard had authenticated the user
    // before the next guard denied the request, so the event says who was denied.
    expect(event.user?.id).toBe('u-contract');
  });
});
