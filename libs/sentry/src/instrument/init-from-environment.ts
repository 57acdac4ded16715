import { Logger } from '@nestjs/common';
import { readSentryEnvironment } from '../config/resolve-sentry-config';
import { resolveAndReport } from '../config/sentry-options.providers';
import { SENTRY_LOGGER_CONTEXT } from '../sentry.internal-constants';
import { initSentrySdk } from '../sdk/init-sentry-sdk';
import type { SentryModuleOptions } from '../sentry.options';
import type { SentrySdkHandle } from '../sdk/sentry-sdk-handle';

/**
 * Initialises the SDK from `process.env` with the same schema, defaults and
 * messages as `SentryModule.forRootAsync()`, before Nest is loaded, so the
 * SDK's auto-instrumentation sees `http`, `pg` and Nest itself. The module
 * later finds this client and reuses it. `overrides` are code-only options
 * (hooks, scrubbing rules) that cannot come from the environment.
 * @publicApi
 */
export function initSentryFromEnvironment(overrides: SentryModuleOptions = {}): SentrySdkHandle {
  const logger = new Logger(SENTRY_LOGGER_CONTEXT);
  const options = resolveAndReport({ ...readSentryEnvironment((name) => process.env[name]), ...overrides }, logger);
  return initSentrySdk(options, logger, true);
}
