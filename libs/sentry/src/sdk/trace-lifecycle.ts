import type { NodeOptions } from '@sentry/node';

export type TraceLifecycle = 'static' | 'stream';

/**
 * How traces leave the process. Sentry 11 streams spans by default; the module keeps
 * transactions (`static`), as Sentry 10 sent them: every Sentry server ingests them,
 * self-hosted ones included, and `beforeSendTransaction` / `ignoreTransactions` keep working.
 * An app that wants streaming says so with `sdkOptions.traceLifecycle` or Sentry's own
 * `SENTRY_TRACE_LIFECYCLE`; its spans are scrubbed by `beforeSendSpan` either way.
 */
export function chooseTraceLifecycle(sdkOptions: Partial<NodeOptions> | undefined, env: NodeJS.ProcessEnv): TraceLifecycle {
  const chosen = sdkOptions?.traceLifecycle ?? env.SENTRY_TRACE_LIFECYCLE;
  return chosen === 'stream' ? 'stream' : 'static';
}
