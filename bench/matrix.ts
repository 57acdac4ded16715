import type { AppLogger } from './app/app-logger';
import type { BenchMode } from './app/bench-modes';
import { ChildApp } from './child-app';
import type { BenchConfig } from './config';
import { CpuMeter } from './cpu-meter';
import type { IngestTally } from './ingest-tally';
import { runLoad } from './load';
import { expectsEvents, measuredOn } from './modes';
import { ROUTES, type RouteName } from './routes';
import type { CellRun } from './summary';

const APP_LOGGERS: readonly AppLogger[] = ['on', 'off'];

/**
 * The interleaved matrix: for each round, for each route, every mode in turn
 * (A B C, A B C, ...), so slow drift of the machine hits all modes alike.
 * Every mode keeps one process for the whole run, and a second one with Nest's logger off
 * only when a selected route is served that way; idle ones cost no CPU.
 */
export async function runMatrix(config: BenchConfig, buildRoot: string, ingest: IngestTally, log: (line: string) => void): Promise<CellRun[]> {
  const apps = new Map<string, ChildApp>();
  const warmed = new Set<string>();
  const runs: CellRun[] = [];
  try {
    for (const appLogger of APP_LOGGERS) {
      for (const mode of config.modes) {
        if (!config.routes.some((route) => ROUTES[route].appLogger === appLogger && measuredOn(mode, route))) continue;
        const app = await ChildApp.start({ mode, appLogger, buildRoot, dsn: ingest.dsn, node: config.node, showOutput: config.showChildOutput });
        apps.set(appKey(mode, appLogger), app);
      }
    }
    log(`started ${apps.size} app processes: ${[...apps.values()].map((app) => `${app.name} (pid ${app.pid})`).join(', ')}`);
    for (let round = 1; round <= config.rounds; round++) {
      for (const route of config.routes) {
        for (const mode of config.modes) {
          if (!measuredOn(mode, route)) continue;
          const first = !warmed.has(`${mode}/${route}`);
          warmed.add(`${mode}/${route}`);
          const run = await measureCell(apps.get(appKey(mode, ROUTES[route].appLogger))!, route, round, first ? config.warmupSec : config.rewarmSec, config, ingest);
          runs.push(run);
          log(formatRun(run));
        }
      }
    }
  } finally {
    await Promise.all([...apps.values()].map((app) => app.stop()));
  }
  return runs;
}

function appKey(mode: BenchMode, appLogger: AppLogger): string {
  return `${mode}/logger-${appLogger}`;
}

async function measureCell(app: ChildApp, routeName: RouteName, round: number, warmupSec: number, config: BenchConfig, ingest: IngestTally): Promise<CellRun> {
  const { mode } = app;
  const route = ROUTES[routeName];
  const sends = expectsEvents(mode);
  const counting = route.throws && sends;
  const cell = `r${round}-${mode}`;
  if (warmupSec > 0) await runLoad({ url: app.url, route, cell: `${cell}-warm`, seconds: warmupSec, connections: config.connections });
  if (counting) await ingest.drain(); // warm-up events must not count as measured ones
  ingest.reset(route.isOwnEvent);
  const cpuBefore = await app.cpuMs();
  const meter = CpuMeter.start();
  const load = await runLoad({ url: app.url, route, cell, seconds: config.durationSec, connections: config.connections });
  // Transactions (tracing on /json) drain too: their backlog must not load the next mode's cell.
  if (sends) await ingest.drain();
  // After the drain: sending the events is part of what the requests cost.
  const appCpuMs = (await app.cpuMs()) - cpuBefore;
  const othersCpuShare = meter?.othersShare(appCpuMs);
  const counts = ingest.counts();
  return {
    round,
    mode,
    route: routeName,
    load,
    appCpuMs,
    othersCpuShare,
    ...(counting ? { delivered: counts.events, transactions: counts.transactions } : {}),
  };
}

function formatRun(run: CellRun): string {
  const cpu = `${((run.appCpuMs / Math.max(run.load.total, 1)) * 1000).toFixed(0).padStart(5)} µs CPU/req`;
  const others = run.othersCpuShare === undefined ? '' : `  others ${(run.othersCpuShare * 100).toFixed(0).padStart(2)}%`;
  const delivered = run.delivered === undefined ? '' : `  delivered ${run.delivered}/${run.load.status5xx}`;
  const errors = run.load.errors > 0 ? `  socket errors ${run.load.errors}` : '';
  const unexpected = run.load.unexpected > 0 ? `  UNEXPECTED STATUS ${run.load.unexpected}` : '';
  const head = `  r${run.round} ${run.route.padEnd(11)} ${run.mode.padEnd(20)} ${run.load.rps.toFixed(0).padStart(7)} req/s`;
  return `${head}  p99 ${String(run.load.p99Ms).padStart(4)} ms  ${cpu}${others}${delivered}${errors}${unexpected}`;
}
