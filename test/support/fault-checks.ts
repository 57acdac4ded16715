/**
 * How the fault runs' latency compares with the healthy runs, for the report only (the matrix
 * never fails on it: a p99 over a few seconds of load on a shared 2-core box swings more than
 * any bound worth having). Healthy runs bracket the fault runs (before and after recovery, same
 * process), so drift from other work on the box hits both. The clauses, tightest first: the
 * median p99 of the fault runs within 20% of the healthy median; within a 2 ms floor (at ~2-4 ms
 * p99 one scheduler hiccup is worth more than 20%, and the histogram counts whole milliseconds);
 * at most the worst healthy run (the box itself noisier than 20%); else `none`.
 */
const LATENCY_BOUND = { ratio: 1.2, floorMs: 2 } as const;

/** Each clause, so the report can say which one a fault stayed within. */
function latencyAllowances(healthyP99s: readonly number[]): { ratio: number; floor: number; worstHealthy: number } {
  const median = medianOf(healthyP99s);
  return { ratio: median * LATENCY_BOUND.ratio, floor: median + LATENCY_BOUND.floorMs, worstHealthy: Math.max(...healthyP99s) };
}

/** The tightest clause the measured p99 satisfies; `none` when above all three (reported, not a failure). */
export function latencyClause(faultP99: number, healthyP99s: readonly number[]): '20%' | 'floor' | 'worst healthy run' | 'none' {
  const { ratio, floor, worstHealthy } = latencyAllowances(healthyP99s);
  if (faultP99 <= ratio) return '20%';
  if (faultP99 <= floor) return 'floor';
  return faultP99 <= worstHealthy ? 'worst healthy run' : 'none';
}

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Requests the ingest received inside a back-off window. A window opens at a request the
 * ingest answered with a 429 and lasts `backoffMs`. Requests within `inFlightMs` of its start
 * left the app before the SDK had read that 429: on a loaded box the app's event loop can
 * lag the ingest's answer by a few hundred ms. While the fault is on every request gets a
 * 429, so the first request after a window opens the next one.
 */
export function backoffViolations(
  arrivals: readonly number[],
  backoffMs: number,
  inFlightMs = 500,
): { windows: number; violations: number[]; inFlightMaxMs: number } {
  const violations: number[] = [];
  let windowStart: number | undefined;
  let windows = 0;
  let inFlightMaxMs = 0;
  for (const at of arrivals) {
    if (windowStart === undefined || at >= windowStart + backoffMs) {
      windowStart = at;
      windows += 1;
    } else if (at - windowStart > inFlightMs) {
      violations.push(at - windowStart);
    } else {
      inFlightMaxMs = Math.max(inFlightMaxMs, at - windowStart);
    }
  }
  return { windows, violations, inFlightMaxMs };
}
