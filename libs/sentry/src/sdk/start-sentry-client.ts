import type { Client } from '@sentry/core';
import { init as initNestSdk } from '@sentry/nestjs';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import type { SentryLog } from '../config/sentry-log';
import { buildSdkOptions } from './build-sdk-options';
import { loadProfilingIntegration } from './load-profiling-integration';
import { isProfilingEnabled, isTracingEnabled } from './tracing-enabled.util';

/**
 * `Sentry.init` through `@sentry/nestjs`, with the module's options and integrations.
 * Its own file, required only once the SDK is enabled: a disabled module loads
 * nothing of the SDK beyond `@sentry/core`.
 */
export function startSentryClient(options: ResolvedSentryOptions, logger: SentryLog): Client | undefined {
  const tracing = isTracingEnabled(options);
  const profiling = tracing && isProfilingEnabled(options) ? loadProfilingIntegration(logger) : [];
  return initNestSdk(buildSdkOptions(options, logger, profiling));
}
