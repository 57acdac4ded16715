import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SentryTestIngest } from '@app/sentry/testing';
import { startChildApp, waitForOutput, type ChildApp } from './support/child-app';
import { capturedIds, offlineEnv, queuedEventIds, queuedEvents, queueFiles, sendErrors, settle } from './support/offline-queue-helpers';

describe('durable offline queue (SENTRY_OFFLINE_DIR)', () => {
  let ingest: SentryTestIngest;
  let dir: string;
  const apps: ChildApp[] = [];
  const start = async (env: Record<string, string> = {}): Promise<ChildApp> => {
    const app = await startChildApp('test/support/offline-app.main.ts', offlineEnv(ingest.dsn, dir, env));
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    ingest = await SentryTestIngest.start();
    dir = mkdtempSync(join(tmpdir(), 'sentry-offline-'));
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    await ingest.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingest down -> 100 errors -> app restarted -> ingest up: all 100 arrive exactly once', async () => {
    await ingest.down();
    const first = await start();
    await sendErrors(first.url, 100);
    await waitForOutput(first, (out) => capturedIds(out).length === 100);
    const captured = capturedIds(first.output());
    expect(new Set(captured).size).toBe(100);
    // SIGTERM right away: shutdown must finish writing what failed to send.
    await first.stop();
    expect(first.output()).not.toMatch(/could not deliver every pending event/);
    // Every captured event is on disk (the app's release-health session envelope too).
    expect(queuedEventIds(dir).sort()).toEqual([...captured].sort());

    await ingest.up();
    const second = await start();
    await ingest.waitForEvents(100, () => true, { timeoutMs: 60_000 });
    await settle(3000); // late duplicates, if any, would land here
    const received = ingest.events.map((event) => event.event_id);
    expect(received).toHaveLength(100);
    expect(new Set(received)).toEqual(new Set(captured));
    expect(queueFiles(dir)).toEqual([]);
    expect(capturedIds(second.output())).toEqual([]); // the second app captured nothing itself
  }, 120_000);

  it('a burst beyond the transport buffer (64 envelopes) against a slow ingest: the overflow waits on disk, all 300 arrive once', async () => {
    // 30 sockets at 400 ms each carry 75 envelopes/s; 300 errors in about a second overflow the
    // SDK's buffer, which without the durable queue drops the excess (queue_overflow).
    ingest.setFault({ kind: 'slow', delayMs: 400 });
    const app = await start();
    await sendErrors(app.url, 300);
    await waitForOutput(app, (out) => capturedIds(out).length === 300);
    const captured = capturedIds(app.output());
    ingest.setFault(undefined);
    await ingest.waitForEvents(300, () => true, { timeoutMs: 60_000 });
    await settle(1500);
    const received = ingest.events.map((event) => event.event_id);
    expect(received).toHaveLength(300);
    expect(new Set(received)).toEqual(new Set(captured));
    expect(queuedEventIds(dir)).toEqual([]);
  }, 90_000);

  it('queues what the ingest answers with 503 and sends it, once, when the ingest recovers', async () => {
    ingest.setFault({ kind: 'status', status: 503 });
    const app = await start();
    await sendErrors(app.url, 3);
    await waitForOutput(app, (out) => capturedIds(out).length === 3);
    const captured = capturedIds(app.output());
    await waitForStats(app, (body) => body.queued >= 3);
    expect(ingest.events).toEqual([]);
    ingest.setFault(undefined);
    await ingest.waitForEvents(3, () => true, { timeoutMs: 30_000 }); // Sentry's first retry comes after 5 s
    await settle(1500);
    expect(ingest.events.map((event) => event.event_id).sort()).toEqual([...captured].sort());
    expect(queuedEventIds(dir)).toEqual([]);
  }, 60_000);

  it('keeps at most SENTRY_OFFLINE_MAX_EVENTS, counts the rest and says so', async () => {
    await ingest.down();
    const app = await start({ SENTRY_OFFLINE_MAX_EVENTS: '20' });
    await sendErrors(app.url, 30);
    await waitForOutput(app, (out) => capturedIds(out).length === 30);
    const stats = await waitForStats(app, (body) => body.dropped.full >= 10);
    expect(stats).toMatchObject({ directory: dir, queued: 20, dropped: { expired: 0, corrupt: 0, unwritable: 0 } });
    await app.stop();
    expect(queueFiles(dir)).toHaveLength(20);
    // First drop said at once; the rest in one line at shutdown, with the totals (no more lines).
    // The total can exceed the count read above: shutdown itself sends (the session's last update).
    const said = [...app.output().matchAll(/offline queue dropped (\d+) envelope\(s\) since the last report; totals: (\d+) full/g)];
    const finalTotal = Number(said[1]?.[2]);
    expect(finalTotal).toBeGreaterThanOrEqual(stats.dropped.full);
    expect(said.map((match) => Number(match[1]))).toEqual([1, finalTotal - 1]);
  }, 60_000);

  it('at the next start, drops an envelope older than SENTRY_OFFLINE_MAX_AGE_HOURS and a corrupt file, counted; sends the rest', async () => {
    await ingest.down();
    const first = await start();
    await sendErrors(first.url, 4);
    await waitForOutput(first, (out) => capturedIds(out).length === 4);
    await first.stop();
    const [old, corrupt, ...kept] = queuedEvents(dir);
    // Two hours ago, in the file's own ordering key (enqueue time in ms * 1000).
    const twoHoursAgo = String((Date.now() - 2 * 3_600_000) * 1000).padStart(16, '0');
    writeFileSync(join(dir, `${twoHoursAgo}.envelope`), readFileSync(join(dir, old.file)));
    rmSync(join(dir, old.file));
    writeFileSync(join(dir, corrupt.file), 'not an envelope\n{');

    await ingest.up();
    const second = await start({ SENTRY_OFFLINE_MAX_AGE_HOURS: '1' });
    await ingest.waitForEvents(kept.length, () => true, { timeoutMs: 30_000 });
    await settle(1500);
    expect(ingest.events.map((event) => event.event_id).sort()).toEqual(kept.map((event) => event.eventId).sort());
    expect(queueFiles(dir)).toEqual([]);
    expect(await stats(second)).toMatchObject({ queued: 0, dropped: { expired: 1, corrupt: 1 } });
    await second.stop();
    expect(second.output()).toMatch(/offline queue dropped \d envelope\(s\)/);
    expect(second.output()).toMatch(/totals: 0 full, 1 too old, 1 unreadable, 0 not written/);
  }, 60_000);


  it('gives up at SENTRY_SHUTDOWN_TIMEOUT_MS while the ingest hangs, keeping the unanswered events for the next start', async () => {
    ingest.setFault({ kind: 'hang' });
    const first = await start({ SENTRY_SHUTDOWN_TIMEOUT_MS: '1000' });
    await sendErrors(first.url, 5);
    await waitForOutput(first, (out) => capturedIds(out).length === 5);
    const captured = capturedIds(first.output());
    await first.stop();
    // The ingest never answers: the process exiting at all, with this line, means the flush stopped at the timeout.
    expect(first.output()).toMatch(/could not deliver every pending event within 1000 ms/);
    expect(queuedEventIds(dir).sort()).toEqual([...captured].sort());

    ingest.setFault(undefined);
    await start();
    await ingest.waitForEvents(5, () => true, { timeoutMs: 30_000 });
    await settle(1500);
    expect(ingest.events.map((event) => event.event_id).sort()).toEqual([...captured].sort());
  }, 60_000);

  it('fails open on an unusable directory: one line naming the variable and value, events still sent', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const unusable = join(file, 'queue'); // a directory inside a file: fails even as root
    const app = await startChildApp('test/support/offline-app.main.ts', offlineEnv(ingest.dsn, unusable));
    apps.push(app);
    await sendErrors(app.url, 1);
    const event = await ingest.waitForEvent(() => true, { timeoutMs: 10_000 });
    expect(event.message ?? event.exception?.values?.[0]?.value).toBe('offline queue probe 0');
    const lines = app.output().split('\n').filter((line) => line.includes('SENTRY_OFFLINE_DIR'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`SENTRY_OFFLINE_DIR=${JSON.stringify(unusable)} cannot be used for the offline queue`);
    expect(await stats(app)).toBeNull();
  }, 30_000);
});

interface StatsBody {
  directory: string;
  queued: number;
  dropped: Record<'full' | 'expired' | 'corrupt' | 'unwritable', number>;
}

async function stats(app: ChildApp): Promise<StatsBody | null> {
  return ((await (await fetch(`${app.url}/offline/stats`)).json()) as { stats: StatsBody | null }).stats;
}

async function waitForStats(app: ChildApp, done: (body: StatsBody) => boolean): Promise<StatsBody> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const body = await stats(app);
    if (body && done(body)) return body;
    if (Date.now() > deadline) throw new Error(`stats never matched: ${JSON.stringify(body)}`);
    await settle(50);
  }
}
