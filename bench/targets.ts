import type { BenchMode } from './app/bench-modes';
import type { RouteName } from './routes';
import type { CellSummary } from './summary';

/** Issue 8's targets: medians, as a ratio to bare measured in the same run. */
export interface Target {
  mode: BenchMode;
  route: RouteName;
  minRatioToBare: number;
  /** Also require one delivered event per 5xx in every round. */
  everyEventDelivered?: boolean;
}

export const TARGETS: Target[] = [
  { mode: 'ours-disabled', route: 'json', minRatioToBare: 0.97 },
  { mode: 'ours-disabled', route: 'throw', minRatioToBare: 0.97 },
  { mode: 'ours-disabled', route: 'storm', minRatioToBare: 0.97 },
  { mode: 'ours-errors', route: 'json', minRatioToBare: 0.85 },
  { mode: 'ours-errors', route: 'throw', minRatioToBare: 0.4, everyEventDelivered: true },
  { mode: 'ours-tracing-0.1', route: 'json', minRatioToBare: 0.6 },
];

export type Verdict = 'PASS' | 'FAIL' | 'n/a';

export interface TargetResult {
  target: Target;
  text: string;
  verdict: Verdict;
  /** Why it failed, when it did. */
  reason?: string;
}

export function targetFor(mode: BenchMode, route: RouteName): Target | undefined {
  return TARGETS.find((t) => t.mode === mode && t.route === route);
}

export function describeTarget(target: Target): string {
  return `≥ ${target.minRatioToBare.toFixed(2)}× bare${target.everyEventDelivered ? ', every event delivered' : ''}`;
}

export function evaluate(target: Target, cell: CellSummary | undefined): TargetResult {
  const text = describeTarget(target);
  if (!cell || cell.ratioToBare === undefined) return { target, text, verdict: 'n/a', reason: 'not measured (mode, route or bare left out)' };
  const reasons: string[] = [];
  if (cell.ratioToBare < target.minRatioToBare) reasons.push(`ratio ${cell.ratioToBare.toFixed(2)}`);
  if (target.everyEventDelivered && !cell.allDelivered) reasons.push(`delivered ${cell.delivered ?? 0}/${cell.sent5xx}`);
  return reasons.length === 0 ? { target, text, verdict: 'PASS' } : { target, text, verdict: 'FAIL', reason: reasons.join('; ') };
}
