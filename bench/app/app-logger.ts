/**
 * Whether the bench app keeps Nest's default logger (`on`: Nest logs every unhandled error
 * with its stack, as most apps do) or starts with `logger: false` (`off`). The harness sets
 * BENCH_APP_LOGGER for each app process it starts; the app reads it here.
 */
export type AppLogger = 'on' | 'off';

export function readAppLogger(raw: string | undefined): AppLogger {
  if (raw === undefined || raw === '' || raw === 'on') return 'on';
  if (raw === 'off') return 'off';
  throw new Error(`BENCH_APP_LOGGER must be "on" or "off", got ${JSON.stringify(raw)}`);
}
