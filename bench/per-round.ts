import type { BenchMode } from './app/bench-modes';
import type { RouteName } from './routes';
import { median } from './stats';
import type { CellRun } from './summary';

/**
 * Same-round pairing of measured cells. Two modes measured in the same round and
 * route shared the machine's state (neighbours, thermal, caches), so every comparison
 * is made per round first and only then reduced to a median.
 */

/** The app's CPU per request, µs (including sending the events the requests caused). */
export function cpuPerRequest(run: CellRun): number {
  return (run.appCpuMs * 1000) / Math.max(run.load.total, 1);
}

/** `mode`'s cell on the same route and in the same round as `run`, if it was measured. */
export function sameRound(runs: CellRun[], run: CellRun, mode: BenchMode): CellRun | undefined {
  return runs.find((other) => other.mode === mode && other.route === run.route && other.round === run.round);
}

/** The cells of one mode on one route, one per round. */
export function cellsOf(runs: CellRun[], mode: BenchMode, route: RouteName): CellRun[] {
  return runs.filter((run) => run.mode === mode && run.route === route);
}

/**
 * `figure` of each of `own`'s rounds, given the same round's cells of `references`;
 * rounds where a reference is missing or `figure` has no finite value are left out.
 */
export function perRound(
  runs: CellRun[],
  own: CellRun[],
  references: BenchMode[],
  figure: (run: CellRun, refs: CellRun[]) => number | undefined,
): number[] {
  return own.flatMap((run) => {
    const refs = references.map((mode) => sameRound(runs, run, mode));
    if (refs.some((ref) => ref === undefined)) return [];
    const value = figure(run, refs as CellRun[]);
    return value !== undefined && Number.isFinite(value) ? [value] : [];
  });
}

/** Median over rounds of value(run) ÷ value(the reference mode's run of the same round and route). */
export function pairedRatio(runs: CellRun[], own: CellRun[], reference: BenchMode, value: (run: CellRun) => number): number | undefined {
  return medianOrUndefined(perRound(runs, own, [reference], (run, [ref]) => {
    const refValue = value(ref);
    return refValue > 0 && Number.isFinite(refValue) ? value(run) / refValue : undefined;
  }));
}

/** Median over rounds of this mode's CPU per request minus bare's in the same round: what the mode adds. */
export function cpuAddedOverBare(runs: CellRun[], own: CellRun[]): number | undefined {
  return medianOrUndefined(perRound(runs, own, ['bare'], (run, [bare]) => cpuPerRequest(run) - cpuPerRequest(bare)));
}

export function medianOrUndefined(values: number[]): number | undefined {
  return values.length > 0 ? median(values) : undefined;
}
