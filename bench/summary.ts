import type { BenchMode } from './app/bench-modes';
import { measuredOn } from './modes';
import type { LoadResult } from './load';
import { cellsOf, cpuAddedOverBare, cpuPerRequest, pairedRatio } from './per-round';
import type { RouteName } from './routes';
import { median } from './stats';

/** One measured (round, mode, route) cell. */
export interface CellRun {
  round: number;
  mode: BenchMode;
  route: RouteName;
  load: LoadResult;
  /** CPU the app process used for the measured requests (and for sending their events). */
  appCpuMs: number;
  /** Share of the machine's cores other processes used meanwhile (Linux only). */
  othersCpuShare?: number;
  /** This route's error events that reached the ingest; undefined for modes that send none. */
  delivered?: number;
  transactions?: number;
}

export interface CellSummary {
  mode: BenchMode;
  route: RouteName;
  rps: number;
  p99Ms: number;
  /** Median over rounds of (this mode ÷ bare) in the same round: pairs share the machine's state. */
  ratioToBare: number | undefined;
  ratioToOfficial: number | undefined;
  /** App CPU per request, µs (median over rounds). */
  cpuUsPerReq: number;
  /**
   * bare's CPU per request ÷ this mode's, per round, median. What the throughput ratio
   * would be if the app alone were CPU-bound: a cross-check that other processes
   * competing for the cores (load generator, ingest, neighbours) disturb far less.
   */
  cpuRatioToBare: number | undefined;
  /** This mode's CPU per request minus bare's, per round, median (µs): on `/throw/:id`, the CPU one event costs. */
  cpuAddedUsPerReq: number | undefined;
  sent5xx: number;
  delivered: number | undefined;
  /** Every round delivered at least one event per 5xx (in-flight requests at the end may add a few). */
  allDelivered: boolean | undefined;
  socketErrors: number;
  unexpectedStatus: number;
}

export function summarize(runs: CellRun[], modes: BenchMode[], routes: RouteName[]): CellSummary[] {
  return routes.flatMap((route) =>
    modes.filter((mode) => measuredOn(mode, route)).map((mode) => {
      const own = cellsOf(runs, mode, route);
      const delivered = own.every((run) => run.delivered === undefined) ? undefined : sum(own.map((run) => run.delivered ?? 0));
      return {
        mode,
        route,
        rps: median(own.map((run) => run.load.rps)),
        p99Ms: median(own.map((run) => run.load.p99Ms)),
        ratioToBare: pairedRatio(runs, own, 'bare', (run) => run.load.rps),
        ratioToOfficial: pairedRatio(runs, own, 'official', (run) => run.load.rps),
        cpuUsPerReq: median(own.map(cpuPerRequest)),
        cpuRatioToBare: pairedRatio(runs, own, 'bare', (run) => 1 / cpuPerRequest(run)),
        cpuAddedUsPerReq: cpuAddedOverBare(runs, own),
        sent5xx: sum(own.map((run) => run.load.status5xx)),
        delivered,
        allDelivered: delivered === undefined ? undefined : own.every((run) => (run.delivered ?? 0) >= run.load.status5xx),
        socketErrors: sum(own.map((run) => run.load.errors)),
        unexpectedStatus: sum(own.map((run) => run.load.unexpected)),
      };
    }),
  );
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
