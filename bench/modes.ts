import type { BenchMode } from './app/bench-modes';
import type { RouteName } from './routes';

/** What each mode is, in the words of the report. */
export const MODE_LABELS: Record<BenchMode, string> = {
  bare: 'bare Nest, no Sentry',
  official: '@sentry/nestjs per its docs: instrument file preloaded with --import, SentryModule.forRoot(), SentryGlobalFilter; no tracesSampleRate',
  'official-tracing-0.1': 'as official, with tracesSampleRate 0.1',
  'ours-disabled': 'SentryModule.forRoot({}) - no DSN, disabled',
  'ours-errors': 'SentryModule.forRoot({ dsn, tracesSampleRate: 0 }) - errors only, initialised by the module (no preload)',
  'ours-tracing-0.1': 'SentryModule.forRoot({ dsn, tracesSampleRate: 0.1, profilesSampleRate: 0 })',
  'ours-tracing-1.0': 'SentryModule.forRoot({ dsn, tracesSampleRate: 1, profilesSampleRate: 0 })',
  'sdk-floor': "Sentry's own Node client alone (@sentry/node init, defaultIntegrations: false): no integrations, no scrubbing, a filter calling captureException (the SDK's own cost per event)",
};

/** Modes that should deliver one event per failed request to the ingest. */
export function expectsEvents(mode: BenchMode): boolean {
  return mode !== 'bare' && mode !== 'ours-disabled';
}

/** `sdk-floor` only means something where events are sent one per request: the throwing route. */
export function measuredOn(mode: BenchMode, route: RouteName): boolean {
  return mode !== 'sdk-floor' || route === 'throw';
}
