import type { SentryModuleOptions } from '../sentry.options';

/** Tracing is on only for a positive rate or a sampler: rate 0 must load no tracing code at all. */
export function isTracingEnabled(options: SentryModuleOptions): boolean {
  return typeof options.tracesSampler === 'function' || (options.tracesSampleRate ?? 0) > 0;
}

export function isProfilingEnabled(options: SentryModuleOptions): boolean {
  return isTracingEnabled(options) && (options.profilesSampleRate ?? 0) > 0;
}
