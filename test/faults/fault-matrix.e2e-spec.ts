import { SEND_IDLE_TIMEOUT_MS } from '@app/sentry/sdk/transport-send-timeout';
import { SentryTestIngest } from '@app/sentry/testing';
import { FAULT_CASES, type FaultCase } from '../support/fault-cases';
import { backoffViolations, latencyClause, medianOf } from '../support/fault-checks';
import { startFaultApp, type FaultApp } from '../support/fault-app';
import { runLoad, type LoadRun } from '../support/fault-load';
import { writeFaultReport, type FaultRow } from '../support/fault-report';

/**
 * The fault matrix: a real Nest app (own process) under fixed-rate load while the ingest
 * misbehaves. Per fault: healthy load → fault on → load → checks → fault off → a fresh
 * error is delivered → healthy load, all delivered → fault on again → SIGTERM.
 * It fails on a crash, a lost event, unbounded memory, a send during a back-off or a slow
 * exit; latency (p99 ratios) and timings go to the report table only.
 */
const RATE = 100; // requests/s, half of them throw (so 50 errors/s to report)
const HEALTHY_RUNS = 2; // before the fault and again after recovery
const FAULT_RUNS = 3;
const RUN_SECONDS = 2;
const SHUTDOWN_TIMEOUT_MS = 2000;
/**
 * A slow exit is one that waited on the ingest: a hung request is only dropped by the SDK after
 * SEND_IDLE_TIMEOUT_MS (10 s). Half of that on top of the shutdown timeout still catches it, and
 * leaves seconds of room for process teardown on a busy machine (a healthy exit takes ~2 s with
 * a hanging ingest, well under 0.1 s otherwise: see the report).
 */
const SLOW_EXIT_MS = SHUTDOWN_TIMEOUT_MS + SEND_IDLE_TIMEOUT_MS / 2;
const MB = 1024 * 1024;
/** A hung request frees its socket after SEND_IDLE_TIMEOUT_MS (10 s); recovery must come soon after. */
const RECOVERY_LIMIT_MS = SEND_IDLE_TIMEOUT_MS + 5_000;
/**
 * Bounded memory: growth of the peak over the healthy peak. The SDK buffers at most 64 envelopes:
 * that is heap, judged tightly. RSS is judged loosely, for native leaks only: on Node 24 the peak
 * RSS of a second 6 s of the same load is 26-46 MB above the first with any fault, a 500 or a 429
 * alike (heap +1 to +9 MB): the allocator keeps what young-generation GC once needed.
 */
const MAX_RSS_GROWTH_MB = 80;
const MAX_HEAP_GROWTH_MB = 25;

const rows: FaultRow[] = [];
const startsWith = (prefix: string) => (event: { exception?: { values?: Array<{ value?: string }> } }) =>
  (event.exception?.values?.[0]?.value ?? '').startsWith(`${prefix}-`);

async function loadRuns(app: FaultApp, tag: string, count: number): Promise<LoadRun[]> {
  const runs: LoadRun[] = [];
  for (let i = 0; i < count; i++) runs.push(await runLoad(app.url, { rate: RATE, durationSeconds: RUN_SECONDS, tag }));
  return runs;
}

const served = (runs: LoadRun[], status: string) => runs.reduce((sum, run) => sum + (run.statuses[status] ?? 0), 0);

function expectCleanRuns(runs: LoadRun[]): void {
  for (const run of runs) {
    expect({ errors: run.errors, timeouts: run.timeouts }).toEqual({ errors: 0, timeouts: 0 });
    expect(Object.keys(run.statuses).sort()).toEqual(['200', '500']);
  }
}

describe('fault matrix under load', () => {
  let ingest: SentryTestIngest;
  let app: FaultApp | undefined;

  beforeEach(async () => {
    ingest = await SentryTestIngest.start();
  });

  afterEach(async () => {
    if (app?.isRunning()) await app.stop();
    app = undefined;
    await ingest.close();
  });

  afterAll(() => {
    if (rows.length > 0) {
      const path = writeFaultReport('fault-matrix', rows, { rate: RATE, healthyRuns: HEALTHY_RUNS * 2, faultRuns: FAULT_RUNS, runSeconds: RUN_SECONDS, shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS, at: new Date().toISOString() });
      process.stdout.write(`fault matrix figures (${rows.length}/${FAULT_CASES.length} faults passed): ${path}\n`);
    }
  });

  it.each(FAULT_CASES.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault: FaultCase) => {
    const slug = fault.name.replace(/[^a-z0-9]+/gi, '_');
    app = await startFaultApp(ingest.dsn, { shutdownTimeoutMs: SHUTDOWN_TIMEOUT_MS });
    await runLoad(app.url, { rate: RATE, durationSeconds: 1, tag: `warmup-${slug}` });

    // Healthy baseline: every throw is delivered.
    const healthyBefore = await loadRuns(app, `healthy-${slug}`, HEALTHY_RUNS);
    expectCleanRuns(healthyBefore);
    await ingest.waitForEvents(served(healthyBefore, '500'), startsWith(`healthy-${slug}`), { timeoutMs: 10_000 });
    const healthyMemory = await app.stats({ resetPeaks: true });

    // Fault on, same load: the app serves as before, nothing crashes, memory stays bounded.
    const firstFaultRequest = ingest.requestTimes.length;
    await fault.apply(ingest);
    const underFault = await loadRuns(app, `fault-${slug}`, FAULT_RUNS);
    const faultMemory = await app.stats();
    const faultArrivals = ingest.requestTimes.slice(firstFaultRequest);
    expectCleanRuns(underFault);
    expect(app.isRunning()).toBe(true);
    expect(app.unhandled()).toEqual([]);
    const rssGrowthMb = (faultMemory.peakRssBytes - healthyMemory.peakRssBytes) / MB;
    const heapGrowthMb = (faultMemory.peakHeapUsedBytes - healthyMemory.peakHeapUsedBytes) / MB;
    expect(rssGrowthMb).toBeLessThan(MAX_RSS_GROWTH_MB);
    expect(heapGrowthMb).toBeLessThan(MAX_HEAP_GROWTH_MB);

    // Rate limits: nothing reaches the ingest inside a back-off window, and sending resumes after each.
    let backoffNote = '';
    if (fault.backoffMs) {
      const { windows, violations, inFlightMaxMs } = backoffViolations(faultArrivals, fault.backoffMs);
      expect(violations).toEqual([]);
      expect(windows).toBeGreaterThanOrEqual(Math.floor((FAULT_RUNS * RUN_SECONDS * 1000) / fault.backoffMs) - 1);
      backoffNote = `${faultArrivals.length} requests in ${windows} back-off windows, none inside one (in flight when the 429 came: ≤ ${inFlightMaxMs} ms)`;
    }

    // Recovery: fault off (and any back-off over), a fresh error arrives, then every error of a healthy load.
    await fault.clear(ingest);
    if (fault.backoffMs) await sleepUntil(Math.max(...faultArrivals) + fault.backoffMs + 50);
    const recoveredMs = await timeToRecovery(app, ingest, `recover-${slug}`);
    const healthyAfter = await loadRuns(app, `after-${slug}`, HEALTHY_RUNS);
    expectCleanRuns(healthyAfter);
    await ingest.waitForEvents(served(healthyAfter, '500'), startsWith(`after-${slug}`), { timeoutMs: 10_000 });

    // Latency under the fault, against the healthy runs that bracket it, is reported in the
    // table (see fault-checks.ts), not judged here: a p99 over a few seconds of load on a shared
    // 2-core machine swings more than any bound worth having. Speed is `npm run bench`'s job.
    const healthyRuns = [...healthyBefore, ...healthyAfter];
    const faultRuns = [...underFault];
    const healthyP99s = healthyRuns.map((run) => run.p99Ms);
    const faultP99s = faultRuns.map((run) => run.p99Ms);
    const healthyP99 = medianOf(healthyP99s);
    const faultP99 = medianOf(faultP99s);

    // Close while the fault is on, with errors still pending.
    await fault.apply(ingest);
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${app!.url}/fault/boom?tag=closing-${slug}`)));
    const closed = await app.terminate();
    expect(closed.ms).toBeLessThan(SLOW_EXIT_MS);
    expect(closed.code === 0 || closed.signal === 'SIGTERM').toBe(true);
    expect(app.unhandled()).toEqual([]);
    // Requests held open cannot be delivered: the exit came from the flush giving up at its timeout.
    if (fault.holdsRequests) expect(app.output()).toContain(`could not deliver every pending event within ${SHUTDOWN_TIMEOUT_MS} ms`);

    rows.push({
      fault: fault.name,
      healthyP99Ms: healthyP99,
      faultP99Ms: faultP99,
      ratio: faultP99 / healthyP99,
      boundBy: latencyClause(faultP99, healthyP99s),
      healthyP50Ms: medianOf(healthyRuns.map((run) => run.p50Ms)),
      faultP50Ms: medianOf(faultRuns.map((run) => run.p50Ms)),
      requests: underFault.reduce((sum, run) => sum + run.requests, 0),
      capturedDuringFault: served(underFault, '500'),
      deliveredDuringFault: ingest.events.filter(startsWith(`fault-${slug}`)).length,
      recoveredMs,
      deliveredAfterRecovery: served(healthyAfter, '500') + 1,
      peakRssMb: faultMemory.peakRssBytes / MB,
      rssGrowthMb,
      peakHeapMb: faultMemory.peakHeapUsedBytes / MB,
      heapGrowthMb,
      closeMs: closed.ms,
      notes: [
        `p99 runs (ms): healthy ${healthyP99s.join('/')}, fault ${faultP99s.join('/')}`,
        backoffNote,
      ]
        .filter(Boolean)
        .join('; '),
    });
  });
});

/**
 * From fault off until a fresh error reaches the ingest, sending one every 250 ms: requests
 * still hung from the fault hold the transport's buffer until they time out, and an error
 * captured meanwhile is dropped rather than queued (by design: the buffer is bounded).
 */
async function timeToRecovery(app: FaultApp, ingest: SentryTestIngest, tag: string): Promise<number> {
  const started = performance.now();
  const arrived = ingest.waitForEvent(startsWith(tag), { timeoutMs: RECOVERY_LIMIT_MS });
  let done = false;
  void arrived.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    await fetch(`${app.url}/fault/boom?tag=${tag}`);
    await Promise.race([arrived.catch(() => undefined), sleepUntil(Date.now() + 250)]);
  }
  await arrived;
  return Math.round(performance.now() - started);
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}
