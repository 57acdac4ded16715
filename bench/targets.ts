import type { BenchMode } from './app/bench-modes';
import { cellsOf, cpuAddedOverBare, cpuPerRequest, medianOrUndefined, pairedRatio, perRound } from './per-round';
import { ROUTES, type RouteName } from './routes';
import { median } from './stats';
import type { CellRun } from './summary';

/**
 * What a target compares, always within one round first (then the median over rounds).
 * By CPU rather than req/s: the app's CPU per request hardly moves when neighbours, the load
 * generator or the ingest take the cores, where throughput does.
 */
export type TargetRule =
  /** bare's CPU µs/req ÷ this mode's ≥ min ("× bare by CPU"). */
  | { kind: 'cpu-ratio-to-bare'; min: number }
  /** (this mode − bare) CPU µs/req ÷ (sdk-floor − bare) ≤ max: per event, against Sentry's own client alone. */
  | { kind: 'added-cpu-ratio-to-floor'; max: number }
  /** official's CPU µs/req ÷ this mode's ≥ min. */
  | { kind: 'cpu-ratio-to-official'; min: number }
  /** Every round, at least one event at the ingest per 5xx response. */
  | { kind: 'every-event-delivered' };

export interface Target {
  mode: BenchMode;
  route: RouteName;
  rule: TargetRule;
}

/** Issue 18's targets (errors-only is `ours-errors`), on the apps' Node. */
export const TARGETS: Target[] = [
  { mode: 'ours-errors', route: 'json', rule: { kind: 'cpu-ratio-to-bare', min: 0.85 } },
  { mode: 'ours-disabled', route: 'json', rule: { kind: 'cpu-ratio-to-bare', min: 0.97 } },
  { mode: 'ours-tracing-0.1', route: 'json', rule: { kind: 'cpu-ratio-to-bare', min: 0.6 } },
  { mode: 'ours-errors', route: 'throw', rule: { kind: 'added-cpu-ratio-to-floor', max: 1.25 } },
  { mode: 'ours-errors', route: 'throw', rule: { kind: 'cpu-ratio-to-official', min: 2 } },
  { mode: 'ours-errors', route: 'throw', rule: { kind: 'every-event-delivered' } },
  { mode: 'ours-errors', route: 'storm', rule: { kind: 'cpu-ratio-to-bare', min: 0.9 } },
  { mode: 'ours-errors', route: 'storm-quiet', rule: { kind: 'cpu-ratio-to-bare', min: 0.9 } },
];

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export interface TargetResult {
  target: Target;
  /** The requirement, in words. */
  text: string;
  /** The figure judged (median over rounds, with the rounds' range), or '-' when not measured. */
  measured: string;
  /** Throughput beside it: the same comparison by req/s, for the record (never judged). */
  throughput: string;
  verdict: Verdict;
  /** Why it failed or could not be judged. */
  reason?: string;
}

export function targetsFor(mode: BenchMode, route: RouteName): Target[] {
  return TARGETS.filter((t) => t.mode === mode && t.route === route);
}

export function describeTarget({ rule }: Target): string {
  switch (rule.kind) {
    case 'cpu-ratio-to-bare':
      return `≥ ${rule.min.toFixed(2)}× bare by CPU`;
    case 'added-cpu-ratio-to-floor':
      return `CPU added ≤ ${rule.max.toFixed(2)}× sdk-floor's`;
    case 'cpu-ratio-to-official':
      return `official CPU ÷ this ≥ ${rule.min.toFixed(2)}`;
    case 'every-event-delivered':
      return 'every event delivered';
  }
}

/** Judges one target from the per-round cells of the run. */
export function evaluate(target: Target, runs: CellRun[]): TargetResult {
  const { mode, route, rule } = target;
  const own = cellsOf(runs, mode, route);
  const base = { target, text: describeTarget(target) };
  const references = referencesOf(rule);
  const missing = [mode, ...references].filter((m) => cellsOf(runs, m, route).length === 0);
  if (missing.length > 0) {
    return { ...base, measured: '-', throughput: '-', verdict: 'n/a', reason: `${missing.join(', ')} not measured on ${ROUTES[route].label}` };
  }
  switch (rule.kind) {
    case 'cpu-ratio-to-bare': {
      const values = perRound(runs, own, ['bare'], (run, [bare]) => cpuPerRequest(bare) / cpuPerRequest(run));
      return judged(base, values, (v) => v >= rule.min, (v) => `${v.toFixed(2)}×`, throughputRatio(runs, own, 'bare'));
    }
    case 'added-cpu-ratio-to-floor': {
      const values = perRound(runs, own, ['bare', 'sdk-floor'], (run, [bare, floor]) => {
        const floorAdded = cpuPerRequest(floor) - cpuPerRequest(bare);
        // Noise can put sdk-floor at or below bare in a round: no per-event figure to compare with there.
        return floorAdded > 0 ? (cpuPerRequest(run) - cpuPerRequest(bare)) / floorAdded : undefined;
      });
      const added = (m: BenchMode): string => signedMicros(cpuAddedOverBare(runs, cellsOf(runs, m, route)));
      const detail = `; added ${mode} ${added(mode)}, sdk-floor ${added('sdk-floor')} µs/req`;
      return judged(base, values, (v) => v <= rule.max, (v) => `${v.toFixed(2)}×`, throughputRatio(runs, own, 'sdk-floor'), detail);
    }
    case 'cpu-ratio-to-official': {
      const values = perRound(runs, own, ['official'], (run, [official]) => cpuPerRequest(official) / cpuPerRequest(run));
      const cpu = (m: BenchMode): number => Math.round(median(cellsOf(runs, m, route).map(cpuPerRequest)));
      const detail = `; official ${cpu('official')}, ${mode} ${cpu(mode)} µs/req`;
      return judged(base, values, (v) => v >= rule.min, (v) => `${v.toFixed(2)}×`, throughputRatio(runs, own, 'official'), detail);
    }
    case 'every-event-delivered': {
      const short = own.filter((run) => (run.delivered ?? 0) < run.load.status5xx);
      const measured = `${sum(own.map((run) => run.delivered ?? 0))}/${sum(own.map((run) => run.load.status5xx))}`;
      const throughput = `${Math.round(median(own.map((run) => run.load.rps)))} req/s`;
      if (short.length === 0) return { ...base, measured, throughput, verdict: 'PASS' };
      const reason = short.map((run) => `round ${run.round}: ${run.delivered ?? 0}/${run.load.status5xx}`).join(', ');
      return { ...base, measured, throughput, verdict: 'FAIL', reason };
    }
  }
}

/** The modes a rule compares with, which must be measured on the same route. */
function referencesOf(rule: TargetRule): BenchMode[] {
  switch (rule.kind) {
    case 'cpu-ratio-to-bare':
      return ['bare'];
    case 'added-cpu-ratio-to-floor':
      return ['bare', 'sdk-floor'];
    case 'cpu-ratio-to-official':
      return ['official'];
    case 'every-event-delivered':
      return [];
  }
}

/** Median of the per-round values against the rule; the rounds' range goes beside it when there are several. */
function judged(
  base: { target: Target; text: string },
  values: number[],
  meets: (value: number) => boolean,
  format: (value: number) => string,
  throughput: string,
  detail = '',
): TargetResult {
  const mid = medianOrUndefined(values);
  if (mid === undefined) return { ...base, measured: '-', throughput, verdict: 'n/a', reason: 'no round gave a figure' };
  const range = values.length > 1 ? ` (rounds ${format(Math.min(...values))}–${format(Math.max(...values))})` : '';
  const measured = `${format(mid)}${range}${detail}`;
  return meets(mid) ? { ...base, measured, throughput, verdict: 'PASS' } : { ...base, measured, throughput, verdict: 'FAIL', reason: format(mid) };
}

/** This mode's req/s ÷ the reference's, same round, median. */
function throughputRatio(runs: CellRun[], own: CellRun[], reference: BenchMode): string {
  const value = pairedRatio(runs, own, reference, (run) => run.load.rps);
  return value === undefined ? '-' : `${value.toFixed(2)}× ${reference} by req/s`;
}

function signedMicros(value: number | undefined): string {
  if (value === undefined) return '-';
  const rounded = Math.round(value);
  return rounded >= 0 ? `+${rounded}` : String(rounded);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
