import { once } from 'node:events';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { startChildApp } from './support/child-app';

describe('SIGTERM with enableShutdownHooks', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  it('delivers every event captured before the signal', async () => {
    ingest.setFault({ kind: 'slow', delayMs: 100 });
    // Its own process, so the signal is real.
    const { child, url } = await startChildApp('test/support/sigterm-app.main.ts', { PROBE_DSN: ingest.dsn });
    const ids = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => (await request(url).post('/probe/exception').send({ text: `sigterm-${i}` }).expect(201)).body.eventId as string),
    );
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(ingest.events.map((event) => event.event_id).sort()).toEqual(ids.sort());
  }, 60_000);
});
