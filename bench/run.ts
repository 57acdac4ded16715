/**
 * `npm run bench`: the overhead of Sentry on one Nest app, ours against bare and
 * against the official `@sentry/nestjs` setup, measured in the same run.
 * `npm run bench -- --help` lists the knobs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { compileBenchApp } from './compile';
import { KNOBS, readConfig, type BenchConfig } from './config';
import { IngestTally } from './ingest-tally';
import { describeAppNode, describeMachine, loadAverage, type AppNode } from './machine';
import { runMatrix } from './matrix';
import { runMemorySoak } from './memory-soak';
import { measuredOn } from './modes';
import { runProfiles, writeProfileReport } from './profile';
import { renderReport, renderTables, soakVerdict } from './report';
import { runScrubberIfPresent } from './scrubber';
import { median } from './stats';
import { summarize, type CellRun } from './summary';
import { evaluate, TARGETS } from './targets';

const REPO_ROOT = resolve(__dirname, '..');
const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'nest-sentry-bench');
const log = (line: string): void => console.log(line);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return log(KNOBS);
  const config = readConfig(process.argv.slice(2), process.env);
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const appNode = describeAppNode(config.node);
  log(nodeLine(appNode));
  // Outside node_modules, as an app's dist/ is: the SDK marks frames there in-app, as in production.
  const buildRoot = compileBenchApp(REPO_ROOT, join(REPO_ROOT, 'bench', '.build'));
  const ingest = await IngestTally.start();
  try {
    if (config.profile) return await profile(config, buildRoot, ingest, appNode);
    log(`bench: ${config.modes.length} modes × ${config.routes.length} routes × ${config.rounds} rounds, about ${estimateMinutes(config)} min`);
    const phase = stopwatch();
    const runs = await runMatrix(config, buildRoot, ingest, log);
    const matrixSec = phase();
    await ingest.close();
    const cells = summarize(runs, config.modes, config.routes);
    const targets = TARGETS.map((target) => evaluate(target, runs));
    const soak =
      config.soakSec > 0
        ? await runMemorySoak({ buildRoot, seconds: config.soakSec, sampleEverySec: config.soakSampleSec, connections: config.connections, showOutput: config.showChildOutput, node: config.node }, log)
        : undefined;
    const soakSec = phase();
    const scrubber = config.scrubber ? await runScrubberIfPresent(__dirname) : undefined;
    if (scrubber) log(`  scrubber: ${scrubber.note}`);
    const scrubberSec = phase();
    const input = {
      config,
      machine: describeMachine(REPO_ROOT, appNode),
      startedAt,
      elapsedSec: (Date.now() - startedAt.getTime()) / 1000,
      phases: { matrixSec, soakSec, scrubberSec },
      loadBefore,
      loadAfter: loadAverage(),
      othersCpu: othersCpu(runs),
      cells,
      runs,
      targets,
      soak,
      scrubber,
    };
    const outFile = config.outFile ?? (config.quick ? join(CACHE_DIR, 'results.quick.md') : join(__dirname, 'results.md'));
    mkdirSync(dirname(outFile), { recursive: true }); // the cache folder is gone after a fresh npm ci
    writeFileSync(outFile, renderReport(input));
    log('\n' + renderTables(input));
    if (soak) log(`\nmemory soak (${soak.seconds} s, ingest down): ${soakVerdict(soak)}`);
    log(`\nwrote ${relative(process.cwd(), outFile)} in ${Math.round(input.elapsedSec)} s`);
  } finally {
    await ingest.close();
  }
}

async function profile(config: BenchConfig, buildRoot: string, ingest: IngestTally, appNode: AppNode): Promise<void> {
  const dir = join(__dirname, 'profiles');
  mkdirSync(dir, { recursive: true });
  const runs = await runProfiles(config, buildRoot, dir, ingest, log);
  const out = join(__dirname, 'profile.md');
  const header = [
    '# CPU profiles',
    '',
    `Self time over the measured window of \`npm run bench -- --profile\` (${new Date().toISOString()}, ` +
      `${config.warmupSec} s warm-up, then the window; apps on Node ${appNode.version}); raw profiles in bench/profiles/ (gitignored), ` +
      'open them in Chrome DevTools or summarise one with `bench/profile-summary.ts`.',
    '',
    'V8 samples on a clock, not on CPU time: time the process spends descheduled inside a system call lands on ' +
      'that frame (`writev` above all on a busy machine), so per-request figures here run higher than the ' +
      '"CPU µs/req" of results.md. Compare modes within one file, and trust results.md for absolute cost.',
  ].join('\n');
  writeProfileReport(out, runs, header);
  log(`wrote ${relative(process.cwd(), out)}; profiles in ${relative(process.cwd(), dir)}`);
}

function nodeLine(appNode: AppNode): string {
  return appNode.fromEnv
    ? `bench: apps on Node ${appNode.version} (BENCH_NODE=${appNode.path}), harness on Node ${process.version} (${process.execPath})`
    : `bench: apps and harness on Node ${appNode.version} (${appNode.path})`;
}

/** Each call returns the seconds since the previous one. */
function stopwatch(): () => number {
  let last = Date.now();
  return () => {
    const now = Date.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

function othersCpu(runs: CellRun[]): { median: number; max: number } | undefined {
  const shares = runs.flatMap((run) => (run.othersCpuShare === undefined ? [] : [run.othersCpuShare]));
  return shares.length > 0 ? { median: median(shares), max: Math.max(...shares) } : undefined;
}

/** Load time, plus about a second per cell for drains and samples and a little for start-up. */
function estimateMinutes(config: BenchConfig): string {
  const cells = config.routes.reduce((n, route) => n + config.modes.filter((mode) => measuredOn(mode, route)).length, 0);
  const load = cells * (config.warmupSec + config.durationSec) + cells * (config.rounds - 1) * (config.rewarmSec + config.durationSec);
  const seconds = load + cells * config.rounds + 15 + config.soakSec;
  return (seconds / 60).toFixed(1);
}

main().then(
  // autocannon and the SDK-free ingest leave no work behind, but be explicit: the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
