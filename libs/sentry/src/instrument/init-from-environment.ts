import { readSentryEnvironment } from '../config/resolve-sentry-config';
import { resolveAndReport } from '../config/report-sentry-config';
import { initSentrySdk } from '../sdk/init-sentry-sdk';
import { SENTRY_LOGGER_CONTEXT } from '../sentry.internal-constants';
import type { SentryModuleOptions } from '../sentry.options';
import type { SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { BufferedLog } from './buffered-log';

/**
 * Initialises the SDK from `process.env` with the same schema, defaults and
 * messages as `SentryModule.forRootAsync()`, before Nest is loaded, so the
 * SDK's instrumentation sees `http`, `pg` and Nest itself. Nothing of Nest is
 * loaded before `Sentry.init`: the lines it has to say wait until after. The
 * module later finds this client and reuses it. `overrides` are code-only options
 * (hooks, scrubbing rules) that cannot come from the environment.
 * @publicApi
 */
export function initSentryFromEnvironment(overrides: SentryModuleOptions = {}): SentrySdkHandle {
  const held = new BufferedLog();
  try {
    const options = resolveAndReport({ ...readSentryEnvironment((name) => process.env[name]), ...overrides }, held);
    return initSentrySdk(options, held, true);
  } finally {
    // Loaded only now, after Sentry.init: see BufferedLog.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Logger } = require('@nestjs/common') as typeof import('@nestjs/common');
    held.flushTo(new Logger(SENTRY_LOGGER_CONTEXT));
  }
}
