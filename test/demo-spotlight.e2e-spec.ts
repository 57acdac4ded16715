import { DEMO_KEYS } from './support/demo-credentials';
import { callDemo } from './support/demo-http';
import { freePort, startDemo, type DemoProcess } from './support/demo-process';
import { waitForSpotlightEvent } from './support/demo-spotlight-stream';
import { startTestPostgres, type TestPostgres } from './support/embedded-postgres';

/**
 * `npm start` with no SENTRY_DSN: the start script runs Spotlight and points the
 * SDK at it. Also guards the hono pin: with an incompatible hono, Spotlight's UI
 * answers 500 and the start script refuses to start.
 */
describe('demo API: npm start without SENTRY_DSN sends to Spotlight', () => {
  let postgres: TestPostgres;
  let demo: DemoProcess;
  let spotlightPort: number;

  beforeAll(async () => {
    [postgres, spotlightPort] = await Promise.all([startTestPostgres(), freePort()]);
    demo = await startDemo({ DATABASE_URL: postgres.url, SPOTLIGHT_PORT: String(spotlightPort) });
  }, 90_000);

  afterAll(async () => {
    await demo?.stop();
    await postgres?.stop();
  });

  it('serves the Spotlight UI', async () => {
    expect(demo.spotlightUrl).toBe(`http://localhost:${spotlightPort}`);
    const response = await fetch(demo.spotlightUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('delivers the unhandled error with its user and tenant to Spotlight', async () => {
    const orders = await callDemo(demo.apiUrl, '/orders', { apiKey: DEMO_KEYS.acme });
    const response = await callDemo(demo.apiUrl, `/orders/${orders.body[0].id}/recalculate`, { apiKey: DEMO_KEYS.acme });
    expect(response.status).toBe(500);
    const event = await waitForSpotlightEvent(
      demo.spotlightUrl!,
      (e) => e.exception?.values?.at(-1)?.type === 'TypeError' && e.transaction === 'GET /orders/:id/recalculate',
    );
    expect(event.tags).toMatchObject({ tenant_id: 'acme', feature: 'orders' });
    expect(event.user).toMatchObject({ id: 'user_alice' });
  });

  it('stops the app and Spotlight on SIGTERM, exit code 0', async () => {
    expect(await demo.stop()).toBe(0);
    await expect(fetch(`${demo.spotlightUrl}/health`)).rejects.toThrow();
  });
});
