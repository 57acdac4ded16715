import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBenchMode, type BenchMode } from './app/bench-modes';
import { ChildApp } from './child-app';
import type { BenchConfig } from './config';
import type { IngestTally } from './ingest-tally';
import { runLoad } from './load';
import { renderSummary, summarizeProfile, type CpuProfile } from './profile-summary';
import { ROUTE_NAMES, ROUTES, type RouteName } from './routes';

export interface ProfileRun {
  mode: BenchMode;
  route: RouteName;
  file: string;
  rps: number;
  markdown: string;
}

/**
 * `npm run bench -- --profile`: one `node --cpu-prof` process per (mode, route),
 * summarised over the measured window only (start-up and warm-up cut out).
 * Modes: BENCH_PROFILE_MODES (default ours-errors); routes: BENCH_PROFILE_ROUTES (json,throw).
 */
export async function runProfiles(config: BenchConfig, buildRoot: string, profileDir: string, ingest: IngestTally, log: (line: string) => void): Promise<ProfileRun[]> {
  mkdirSync(profileDir, { recursive: true });
  const modes = listFromEnv('BENCH_PROFILE_MODES', ['ours-errors'], isBenchMode);
  const routes = listFromEnv('BENCH_PROFILE_ROUTES', ['json', 'throw'], (v): v is RouteName => (ROUTE_NAMES as readonly string[]).includes(v));
  const seconds = Number(process.env.BENCH_PROFILE_SECONDS ?? 10);
  const out: ProfileRun[] = [];
  for (const mode of modes) {
    for (const route of routes) {
      const name = `${mode}-${route}.cpuprofile`;
      const file = join(profileDir, name);
      rmSync(file, { force: true }); // never summarise a stale profile
      const app = await ChildApp.start({
        mode,
        buildRoot,
        dsn: ingest.dsn,
        node: config.node,
        showOutput: config.showChildOutput,
        execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`],
      });
      await runLoad({ url: app.url, route: ROUTES[route], cell: `prof-warm-${mode}`, seconds: config.warmupSec, connections: config.connections });
      const fromUs = await app.monotonicMark();
      const load = await runLoad({ url: app.url, route: ROUTES[route], cell: `prof-${mode}`, seconds, connections: config.connections });
      const toUs = await app.monotonicMark();
      await app.stop();
      if (!existsSync(file)) throw new Error(`${mode}: no profile written at ${file}`);
      const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, { fromUs, toUs, top: 25 });
      const title = `${mode}, ${ROUTES[route].label} (${Math.round(load.rps)} req/s while profiled)`;
      const markdown = renderSummary(title, summary, load.total);
      log(markdown);
      out.push({ mode, route, file, rps: load.rps, markdown });
    }
  }
  return out;
}

export function writeProfileReport(path: string, runs: ProfileRun[], header: string): void {
  writeFileSync(path, [header, '', ...runs.map((run) => run.markdown)].join('\n'));
}

function listFromEnv<T extends string>(name: string, fallback: T[], valid: (v: string) => v is T): T[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((item) => !valid(item));
  if (bad.length > 0) throw new Error(`${name}: unknown ${bad.join(', ')}`);
  return items as T[];
}
