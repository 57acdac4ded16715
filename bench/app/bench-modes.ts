/** Modes the bench app can boot in; the harness and the app share this list. */
export const BENCH_MODES = [
  'bare',
  'official',
  'official-tracing-0.1',
  'ours-disabled',
  'ours-errors',
  'ours-tracing-0.1',
  'ours-tracing-1.0',
  'sdk-floor',
] as const;

export type BenchMode = (typeof BENCH_MODES)[number];

export function isBenchMode(value: unknown): value is BenchMode {
  return typeof value === 'string' && (BENCH_MODES as readonly string[]).includes(value);
}

/** Modes whose process needs `official.instrument` preloaded (`node --import`, as Sentry 11 wants), as Sentry's NestJS docs say. */
export function needsOfficialPreload(mode: BenchMode): boolean {
  return mode.startsWith('official');
}

/** The official modes' `tracesSampleRate`; undefined = the docs' errors-only snippet. */
export function officialTracesSampleRate(mode: BenchMode): number | undefined {
  return mode === 'official-tracing-0.1' ? 0.1 : undefined;
}
