/** Every line the module logs or throws, in one place. */
export const SENTRY_MESSAGES = {
  disabledNoDsn: 'SENTRY_DSN not configured - error tracking disabled',
  disabledByOption: 'Sentry disabled by SENTRY_ENABLED=false - error tracking disabled',
  initFailed: (reason: string) => `Failed to initialize Sentry: ${reason} - error tracking disabled, the app carries on`,
  reusedClient: 'Reusing the Sentry client initialised by the instrument preload',
  initialised: (mode: string, environment: string, release: string | undefined) =>
    `Sentry error tracking enabled (${mode}; environment "${environment}", release "${release ?? 'none'}")`,
  lateInit:
    'Sentry was initialised late, by SentryModule: it traces a transaction per request, named by route, and a span per ' +
    'outgoing HTTP call; the spans of Nest\'s guards, pipes, interceptors, filters and of database queries need the SDK ' +
    'loaded before the app: node --import nestjs-sentry-tenant/instrument dist/main.js (README: "Preload")',
  foreignClient:
    'Reusing a Sentry client that this module did not initialise: its scrubbing rules are added as an event processor ' +
    'and breadcrumb/log hooks. Prefer the module\'s preload (initSentryFromEnvironment) so they run in beforeSend* hooks',
  invalidValue: (label: string, value: unknown, rule: string, fallback: string) =>
    `${label}=${formatValue(value)} is invalid: expected ${rule} - ${fallback}`,
  strictFailure: (lines: string[]) =>
    `Invalid Sentry configuration (strict mode is on):\n  ${lines.join('\n  ')}`,
  flushTimedOut: (timeoutMs: number) =>
    `Sentry could not deliver every pending event within ${timeoutMs} ms at shutdown; the rest are dropped`,
  serviceFailed: (method: string, reason: string) =>
    `SentryService.${method} failed: ${reason} - ignored, the app carries on`,
  scrubberFailed: (item: string, dropped: boolean) =>
    `Sentry could not scrub a ${item} normally: ${dropped ? 'it was dropped' : 'its app data (request body, extra, contexts, attributes) was dropped'} - nothing unscrubbed is sent, the app carries on (said once per kind; the SDK counts drops in its client reports)`,
  userHookFailed: (hook: string, reason: string) =>
    `Your Sentry ${hook} hook threw: ${reason} - the item is dropped, the app carries on (said once per hook)`,
} as const;

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
