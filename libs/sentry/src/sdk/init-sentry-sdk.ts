import { getClient } from '@sentry/core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import type { SentryLog } from '../config/sentry-log';
import { SENTRY_MESSAGES } from '../sentry.messages';
import { ErrorStormGuard } from './error-storm.guard';
import { setSentryLogsEnabled } from './sentry-logs-enabled';
import { ensureScrubbing, markClientScrubbed } from './scrub-foreign-client';
import type { SentrySdkHandle } from './sentry-sdk-handle';
import { isTracingEnabled } from './tracing-enabled.util';

/** Clients this process has closed: a later module start must not reuse them. */
const closedClients = new WeakSet<object>();

export function markClientClosed(client: object): void {
  closedClients.add(client);
}

/**
 * Initialises the SDK once, fail-open. A live client (from the `instrument`
 * preload) is reused, never initialised twice. `preloading` says the app has not
 * been loaded yet: only then can the SDK instrument Nest itself.
 */
export function initSentrySdk(options: ResolvedSentryOptions, logger: SentryLog, preloading = false): SentrySdkHandle {
  const existing = getClient();
  if (existing && !closedClients.has(existing) && existing.getOptions().enabled !== false) {
    logger.log(SENTRY_MESSAGES.reusedClient);
    ensureScrubbing(existing, options, logger);
    if (options.enableLogs) setSentryLogsEnabled(existing, true);
    return { mode: 'preloaded', client: existing, ownsClient: false, options, stormGuard: stormGuardFor(options) };
  }
  if (!options.enabled) return disabled(options, logger, SENTRY_MESSAGES.disabledByOption);
  if (!options.dsn && !options.spotlight) return disabled(options, logger, SENTRY_MESSAGES.disabledNoDsn);
  try {
    const tracing = isTracingEnabled(options);
    // Required here, not imported: see start-sentry-client.ts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSentryClient } = require('./start-sentry-client') as typeof import('./start-sentry-client');
    const client = startSentryClient(options, logger);
    if (!client) throw new Error('the SDK returned no client');
    markClientScrubbed(client);
    setSentryLogsEnabled(client, options.enableLogs);
    const mode = tracing ? 'tracing' : 'errors-only';
    logger.log(SENTRY_MESSAGES.initialised(mode, options.environment, options.release));
    if (tracing && !preloading) logger.warn(SENTRY_MESSAGES.lateInit);
    return { mode, client, ownsClient: true, options, stormGuard: stormGuardFor(options) };
  } catch (error) {
    return disabled(options, logger, SENTRY_MESSAGES.initFailed(describe(error)), 'error');
  }
}

function disabled(
  options: ResolvedSentryOptions,
  logger: SentryLog,
  line: string,
  level: 'log' | 'error' = 'log',
): SentrySdkHandle {
  if (level === 'error') logger.error(line);
  else logger.log(line);
  return { mode: 'disabled', client: undefined, ownsClient: false, options };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `errorStorm` (code) wins over the flat options (also `SENTRY_ERROR_STORM_*`); a limit of 0 is off. */
function stormGuardFor(options: ResolvedSentryOptions): ErrorStormGuard | undefined {
  if (options.errorStorm === false) return undefined;
  const limit = options.errorStorm?.limit ?? options.errorStormLimit;
  if (limit === 0) return undefined;
  return new ErrorStormGuard({ limit, windowMs: options.errorStorm?.windowMs ?? options.errorStormWindowSeconds * 1000 });
}
