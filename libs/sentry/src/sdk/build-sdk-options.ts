import type { NodeOptions } from '@sentry/node-core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import { buildPrivacyHooks } from './privacy-hooks';
import { isProfilingEnabled, isTracingEnabled } from './tracing-enabled.util';

/** Turns module options into `Sentry.init` options; the module's values win over `sdkOptions`. */
export function buildSdkOptions(options: ResolvedSentryOptions, integrations: NodeOptions['integrations'] = []): NodeOptions {
  const tracing = isTracingEnabled(options);
  return {
    ...options.sdkOptions,
    dsn: options.dsn || undefined,
    environment: options.environment,
    release: options.release,
    sampleRate: options.sampleRate,
    debug: options.debug,
    serverName: options.serverName,
    maxBreadcrumbs: options.maxBreadcrumbs,
    spotlight: options.spotlight,
    // null, not undefined: undefined makes the SDK read SENTRY_TRACES_SAMPLE_RATE itself and turn tracing on.
    tracesSampleRate: tracing ? options.tracesSampleRate : (null as unknown as undefined),
    tracesSampler: tracing ? options.tracesSampler : undefined,
    ...(isProfilingEnabled(options)
      ? { profileSessionSampleRate: options.profilesSampleRate, profileLifecycle: 'trace' as const }
      : {}),
    integrations: [...(Array.isArray(options.sdkOptions?.integrations) ? options.sdkOptions.integrations : []), ...(integrations as [])],
    ...buildPrivacyHooks(options),
  };
}
