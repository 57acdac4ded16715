/**
 * The demo's own defaults for the `SENTRY_*` variables, applied to `process.env`
 * before the preload and `ConfigModule` read it, so both see the same values.
 * A variable you set (shell or `.env`) always wins. This is app code: the
 * library itself never writes to `process.env`.
 */
export const DEMO_ENV_DEFAULTS: Readonly<Record<string, string>> = {
  // Every request traced, so each one shows as a trace in Spotlight.
  SENTRY_TRACES_SAMPLE_RATE: '1',
  // SentryLogger's lines also go to Sentry Logs (Spotlight's Logs tab).
  SENTRY_ENABLE_LOGS: 'true',
};

for (const [name, value] of Object.entries(DEMO_ENV_DEFAULTS)) {
  if (process.env[name] === undefined || process.env[name] === '') process.env[name] = value;
}
