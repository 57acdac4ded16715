import { once } from 'node:events';
import { SentryTestIngest } from '@app/sentry/testing';
import type { SessionAggregates } from '@sentry/core';
import request from 'supertest';
import { startChildApp } from './support/child-app';

// Errors-only mode: body-less requests take the module's lean fork, requests with a body the
// SDK's; each fork counts its own. Together they must count every request once, as the SDK would.
describe('release health of requests (errors-only, its own process)', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  it('each request counted once, ok or failed, whichever fork took it; failures all of one kind', async () => {
    const { child, url } = await startChildApp('test/support/request-sessions-app.main.ts', { PROBE_DSN: ingest.dsn });
    const ok = 4;
    const failedGets = 3;
    const failedPosts = 2;
    for (let n = 0; n < ok; n++) await request(url).get('/sessions/ok').expect(200);
    for (let n = 0; n < failedGets; n++) await request(url).get('/sessions/fail').expect(500);
    for (let n = 0; n < failedPosts; n++) await request(url).post('/sessions/fail').send({ note: String(n) }).expect(500);
    await ingest.waitForEvents(failedGets + failedPosts);
    const exited = once(child, 'exit');
    child.kill('SIGTERM'); // shutdown flushes both forks' aggregates
    await exited;
    const buckets = ingest.sessions.flatMap((payload) => (payload as SessionAggregates).aggregates ?? []);
    const total = (key: 'exited' | 'errored' | 'crashed') => buckets.reduce((sum, bucket) => sum + (bucket[key] ?? 0), 0);
    expect({ ok: total('exited'), failed: total('errored') + total('crashed') }).toEqual({ ok, failed: failedGets + failedPosts });
    // Both forks classify an error the exception filter captured the same way.
    expect([0, failedGets + failedPosts]).toContain(total('crashed'));
  }, 60_000);
});
