import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The measured figures of one fault, as they go into docs/reliability.md. */
export interface FaultRow {
  fault: string;
  healthyP99Ms: number;
  faultP99Ms: number;
  ratio: number;
  /** The tightest latency clause the fault runs stayed within (see fault-checks.ts); reported only. */
  boundBy: string;
  healthyP50Ms: number;
  faultP50Ms: number;
  requests: number;
  capturedDuringFault: number;
  deliveredDuringFault: number;
  recoveredMs: number;
  deliveredAfterRecovery: number;
  peakRssMb: number;
  rssGrowthMb: number;
  peakHeapMb: number;
  heapGrowthMb: number;
  closeMs: number;
  notes: string;
}

/** Gitignored (node_modules), so a run never dirties the tree; the doc says how to refresh from it. */
export const FAULT_REPORT_DIR = join(__dirname, '..', '..', 'node_modules', '.cache', 'nest-sentry');

const COLUMNS: Array<[string, (row: FaultRow) => string]> = [
  ['Fault', (r) => r.fault],
  ['p99 healthy (ms)', (r) => r.healthyP99Ms.toFixed(1)],
  ['p99 under fault (ms)', (r) => r.faultP99Ms.toFixed(1)],
  ['ratio', (r) => r.ratio.toFixed(2)],
  ['bound held by', (r) => r.boundBy],
  ['p50 healthy → fault (ms)', (r) => `${r.healthyP50Ms} → ${r.faultP50Ms}`],
  ['errors captured / delivered under fault', (r) => `${r.capturedDuringFault} / ${r.deliveredDuringFault}`],
  ['delivered after recovery', (r) => `${r.deliveredAfterRecovery}/${r.deliveredAfterRecovery} (first in ${r.recoveredMs} ms)`],
  ['peak RSS (MB, Δ vs healthy)', (r) => `${r.peakRssMb.toFixed(0)} (${signed(r.rssGrowthMb)})`],
  ['peak heap (MB, Δ vs healthy)', (r) => `${r.peakHeapMb.toFixed(0)} (${signed(r.heapGrowthMb)})`],
  ['SIGTERM → exit (ms)', (r) => String(r.closeMs)],
  ['notes', (r) => r.notes],
];

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(0)}`;
}

export function toMarkdown(rows: readonly FaultRow[]): string {
  const header = `| ${COLUMNS.map(([name]) => name).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---').join('|')}|`;
  return [header, rule, ...rows.map((row) => `| ${COLUMNS.map(([, cell]) => cell(row)).join(' | ')} |`)].join('\n') + '\n';
}

/** Writes `<name>.json` and `<name>.md`; returns the markdown path. */
export function writeFaultReport(name: string, rows: readonly FaultRow[], meta: Record<string, unknown>): string {
  mkdirSync(FAULT_REPORT_DIR, { recursive: true });
  writeFileSync(join(FAULT_REPORT_DIR, `${name}.json`), JSON.stringify({ ...meta, rows }, null, 2));
  const path = join(FAULT_REPORT_DIR, `${name}.md`);
  writeFileSync(path, `<!-- ${JSON.stringify(meta)} -->\n${toMarkdown(rows)}`);
  return path;
}
