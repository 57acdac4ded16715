import type { Event } from '@sentry/core';
import { SentryTestIngest } from '@app/sentry/testing';
import { DEMO_KEYS, TEST_CARD } from './support/demo-credentials';
import { callDemo } from './support/demo-http';
import { startDemo, type DemoProcess } from './support/demo-process';
import { startTestPostgres, type TestPostgres } from './support/embedded-postgres';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release the demo must default to
const PACKAGE_VERSION: string = require('../package.json').version;

const exceptionOf = (event: Event) => event.exception?.values?.at(-1); // the last value is the thrown one
const isError = (type: string, transaction: string) => (event: Event) =>
  exceptionOf(event)?.type === type && event.transaction === transaction;
const breadcrumbsOf = (event: Event) => (event.breadcrumbs ?? []).map((crumb) => crumb.message ?? '');
/** The secrets found in `text` (a short failure message, unlike toContain on a whole envelope). */
const leaked = (text: string, secrets: readonly string[]) => secrets.filter((secret) => text.includes(secret));
// The body is a JSON string inside JSON, so the cvc pair appears escaped.
const CARD_SECRETS = [TEST_CARD.cardNumber, TEST_CARD.cardNumber.replace(/ /g, ''), `\\"cvc\\":\\"${TEST_CARD.cvc}\\"`];

/**
 * The demo as `npm start` runs it with SENTRY_DSN set: events go to that Sentry
 * (here a SentryTestIngest), not to Spotlight. Real PostgreSQL, the instrument
 * preload, one child process: nothing is mocked.
 */
describe('demo API: npm start with SENTRY_DSN (child process, real PostgreSQL)', () => {
  let ingest: SentryTestIngest;
  let postgres: TestPostgres;
  let demo: DemoProcess;
  let acmeOrderId: number;

  beforeAll(async () => {
    [ingest, postgres] = await Promise.all([SentryTestIngest.start(), startTestPostgres()]);
    demo = await startDemo({ SENTRY_DSN: ingest.dsn, DATABASE_URL: postgres.url, SENTRY_ENVIRONMENT: 'e2e' });
    const orders = await callDemo(demo.apiUrl, '/orders', { apiKey: DEMO_KEYS.acme });
    acmeOrderId = orders.body[0].id;
  }, 90_000);

  afterAll(async () => {
    await demo?.stop();
    await Promise.all([ingest?.close(), postgres?.stop()]);
  });

  it('uses the DSN and no Spotlight', () => {
    expect(demo.spotlightUrl).toBeUndefined();
    expect(demo.output()).toContain(`events go to Sentry (127.0.0.1:${ingest.port})`);
    expect(demo.output()).not.toContain('Spotlight listening');
    expect(demo.output()).toContain('Reusing the Sentry client initialised by the instrument preload');
  });

  it('reports an unhandled TypeError with user, tenant tag, class tag, release and breadcrumbs', async () => {
    const response = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}/recalculate`, { apiKey: DEMO_KEYS.acme });
    expect(response.status).toBe(500);
    const event = await ingest.waitForEvent(isError('TypeError', 'GET /orders/:id/recalculate'));
    expect(exceptionOf(event)?.value).toContain("reading 'percent'");
    expect(event.user).toMatchObject({ id: 'user_alice', email: 'alice@acme.example' });
    expect(event.tags).toMatchObject({ tenant_id: 'acme', feature: 'orders' });
    expect(event.release).toBe(PACKAGE_VERSION);
    expect(event.environment).toBe('e2e');
    expect(event.request?.url).toContain(`/orders/${acmeOrderId}/recalculate`);
    expect(breadcrumbsOf(event)).toContain(`Recalculating order ${acmeOrderId}`);
  });

  it('reports the 503 from the payment provider with method tag, contexts and breadcrumbs, card data scrubbed', async () => {
    const response = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}/pay`, { bearer: DEMO_KEYS.acme, body: TEST_CARD });
    expect(response.status).toBe(503);
    const event = await ingest.waitForEvent(isError('ServiceUnavailableException', 'POST /orders/:id/pay'));
    expect(event.tags).toMatchObject({ tenant_id: 'acme', feature: 'orders', payment_provider: 'fakepay' });
    expect(event.contexts?.runbook).toMatchObject({ owner: 'payments-team' });
    expect(event.contexts?.payment).toMatchObject({ provider: 'fakepay', orderId: acmeOrderId });
    expect(breadcrumbsOf(event)).toEqual(expect.arrayContaining(['Charging card', expect.stringContaining('FakePay unreachable')]));

    // The body reached the event (the SDK attaches it); the values did not.
    expect(event.request?.data).toBeDefined();
    expect(leaked(JSON.stringify(event), [...CARD_SECRETS, DEMO_KEYS.acme])).toEqual([]); // the key went as Authorization: Bearer
  });

  it('reports a database error, tagged by the method-level @SentryTag and the tenant', async () => {
    const response = await callDemo(demo.apiUrl, '/orders/stats', { apiKey: DEMO_KEYS.globex });
    expect(response.status).toBe(500);
    const event = await ingest.waitForEvent((e) => e.transaction === 'GET /orders/stats' && !!e.exception);
    expect(exceptionOf(event)?.value).toBe('relation "order_stats" does not exist');
    expect(event.user).toMatchObject({ id: 'user_hank' });
    expect(event.tags).toMatchObject({ tenant_id: 'globex', feature: 'reporting' });
  });

  it('sends the captured warning message with the user and tenant', async () => {
    const response = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}/flag`, { apiKey: DEMO_KEYS.acme, body: { reason: 'address looks fake' } });
    expect(response.status).toBe(202);
    const event = await ingest.waitForEvent((e) => e.event_id === response.body.eventId);
    expect(event.level).toBe('warning');
    expect(event.message).toBe('Order flagged for review: address looks fake');
    expect(event.extra).toMatchObject({ orderId: acmeOrderId, reason: 'address looks fake' });
    expect(event.tags).toMatchObject({ tenant_id: 'acme', feature: 'orders' });
  });

  it('reports the failed background fraud review of a flagged order with its own tenant and breadcrumbs', async () => {
    const response = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}/flag`, { apiKey: DEMO_KEYS.acme, body: { reason: 'card used abroad' } });
    expect(response.status).toBe(202);
    const event = await ingest.waitForEvent((e) => e.transaction === 'event order.flagged' && !!e.exception);
    expect(exceptionOf(event)?.value).toBe(`fraud review service unreachable (order ${acmeOrderId})`);
    expect(event.user).toMatchObject({ id: 'user_alice' });
    expect(event.tags).toMatchObject({ tenant_id: 'acme' });
    // Its own unit of work: its breadcrumb, none of the request that emitted the event.
    expect(event.breadcrumbs?.map((crumb) => crumb.message)).toContain(`fraud review of order ${acmeOrderId} started`);
    expect(event.breadcrumbs?.some((crumb) => String(crumb.message).includes('flagged by'))).toBe(false);
  });

  it('does not report 400, 401 or 404 (proved by a later marker event)', async () => {
    const badBody = await callDemo(demo.apiUrl, '/orders', { apiKey: DEMO_KEYS.acme, body: { item: '', quantity: 0 } });
    const unknownField = await callDemo(demo.apiUrl, '/orders', {
      apiKey: DEMO_KEYS.acme,
      body: { item: 'Rocket', quantity: 1, unitPriceCents: 100, password: 'hunter2-never-sent' },
    });
    const noKey = await callDemo(demo.apiUrl, '/orders');
    const otherTenant = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}`, { apiKey: DEMO_KEYS.initech });
    expect([badBody.status, unknownField.status, noKey.status, otherTenant.status]).toEqual([400, 400, 401, 404]);

    const marker = await callDemo(demo.apiUrl, `/orders/${acmeOrderId}/flag`, { apiKey: DEMO_KEYS.acme, body: { reason: 'marker after 4xx' } });
    await ingest.waitForEvent((e) => e.event_id === marker.body.eventId);
    const clientErrors = ingest.events.filter(
      (e) =>
        /^(BadRequest|Unauthorized|NotFound)Exception$/.test(exceptionOf(e)?.type ?? '') ||
        String(e.tags?.['http.status_code'] ?? '').startsWith('4'),
    );
    expect(clientErrors).toEqual([]);
  });

  it('traces the slow request, with the time spent in a PostgreSQL span', async () => {
    const response = await callDemo(demo.apiUrl, '/orders/slow?ms=600', { apiKey: DEMO_KEYS.initech });
    expect(response.status).toBe(200);
    const transaction = await ingest.waitForTransaction((t) => t.transaction === 'GET /orders/slow');
    expect(transaction.timestamp! - transaction.start_timestamp!).toBeGreaterThanOrEqual(0.6);
    const sleep = (transaction.spans ?? []).find((span) => span.op === 'db' && span.description?.includes('pg_sleep'));
    expect(sleep!.timestamp! - sleep!.start_timestamp).toBeGreaterThanOrEqual(0.6);
    expect(transaction.tags).toMatchObject({ tenant_id: 'initech', feature: 'reporting' });
  });

  it('keeps every key, card number and password out of everything sent (events, transactions, logs)', async () => {
    // The 4xx requests sent no event; wait for their transaction so they are in the raw text too.
    await ingest.waitForTransaction((t) => t.transaction === 'POST /orders');
    expect(leaked(ingest.rawText(), [...Object.values(DEMO_KEYS), ...CARD_SECRETS, 'hunter2-never-sent'])).toEqual([]);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await demo.stop()).toBe(0);
  });
});
