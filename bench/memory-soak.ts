import { createServer } from 'node:net';
import type { BenchMode } from './app/bench-modes';
import { ChildApp } from './child-app';
import { runLoad, type LoadResult } from './load';
import { ROUTES } from './routes';
import { median } from './stats';

export interface MemorySample {
  /** Seconds since the load started; the first sample is taken just before it, the last just after. */
  t: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export interface SoakResult {
  mode: BenchMode;
  seconds: number;
  samples: MemorySample[];
  load: LoadResult;
  /**
   * Over the samples taken under load, last third against first third (minus one).
   * heapUsed is a GC sawtooth whose peaks depend on when a sample lands; a leak
   * shows as a rising floor (what survives collections), so the verdict uses the floor.
   */
  heapFloorGrowth: number;
  /** The peaks too, for the record: not part of the verdict. */
  heapPeakGrowth: number;
  /** RSS follows the heap's high-water mark; its median is steadier than its peaks. */
  rssGrowth: number;
  /** Undefined when too few samples were taken under load to tell a trend from the GC sawtooth. */
  bounded: boolean | undefined;
}

export interface SoakOptions {
  buildRoot: string;
  seconds: number;
  sampleEverySec: number;
  connections: number;
  showOutput: boolean;
  /** Node binary for the app (see BenchConfig.node). */
  node: string;
  mode?: BenchMode;
}

/** Growth allowed between the first and the last third of the soak: GC sawtooth, not a leak. */
export const SOAK_MAX_GROWTH = 0.2;
const MIN_SAMPLES = 9;
const WARMUP_SHARE = 0.1;

/**
 * Errors at full load with Sentry down: the DSN points to a loopback port nobody
 * listens on, so every send fails fast (connection refused). A queue or retry
 * buffer that grows with the failures shows up here as a rising curve.
 */
export async function runMemorySoak(options: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const mode = options.mode ?? 'ours-errors';
  const dsn = `http://public@127.0.0.1:${await closedPort()}/1`;
  const app = await ChildApp.start({ mode, buildRoot: options.buildRoot, dsn, node: options.node, showOutput: options.showOutput });
  const samples: MemorySample[] = [];
  try {
    const started = Date.now();
    const sample = async (): Promise<void> => {
      const usage = await app.memoryUsage();
      const mb = (bytes: number): number => Math.round((bytes / 1024 ** 2) * 10) / 10;
      samples.push({ t: Math.round((Date.now() - started) / 100) / 10, rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), heapTotalMb: mb(usage.heapTotal), externalMb: mb(usage.external) });
    };
    await sample(); // t = 0, idle: shown in the curve, left out of the verdict
    let settled: Promise<void> = Promise.resolve();
    const timer = setInterval(() => (settled = sample().catch(() => undefined)), options.sampleEverySec * 1000);
    const load = await runLoad({ url: app.url, route: ROUTES.throw, cell: 'soak', seconds: options.seconds, connections: options.connections });
    clearInterval(timer);
    await settled; // an interval sample may still be in flight
    // Judged after a warm-up tenth: JIT, first GCs and the SDK's lazy set-up are not growth.
    const underLoad = samples.slice(1).filter((s) => s.t >= options.seconds * WARMUP_SHARE);
    await sleep(2000); // then one idle sample: what the process keeps once the storm is over
    await sample();
    const heap = underLoad.map((s) => s.heapUsedMb);
    const heapFloorGrowth = growth(heap, (values) => Math.min(...values));
    const heapPeakGrowth = growth(heap, (values) => Math.max(...values));
    const rssGrowth = growth(underLoad.map((s) => s.rssMb), median);
    log(`  soak ${mode}: ${load.rps.toFixed(0)} req/s for ${options.seconds} s, heap floor ${pct(heapFloorGrowth)}, rss median ${pct(rssGrowth)}`);
    const bounded = underLoad.length < MIN_SAMPLES ? undefined : heapFloorGrowth < SOAK_MAX_GROWTH && rssGrowth < SOAK_MAX_GROWTH;
    return { mode, seconds: options.seconds, samples, load, heapFloorGrowth, heapPeakGrowth, rssGrowth, bounded };
  } finally {
    await app.stop();
  }
}

/** stat(last third) / stat(first third) - 1. */
function growth(values: number[], stat: (values: number[]) => number): number {
  const third = Math.max(1, Math.floor(values.length / 3));
  const first = stat(values.slice(0, third));
  const last = stat(values.slice(-third));
  return first > 0 ? last / first - 1 : 0;
}

export function pct(ratio: number): string {
  return `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port that refuses connections: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
