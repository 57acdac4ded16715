import type { LoggerService } from '@nestjs/common';
import { getClient } from '@sentry/core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import { SENTRY_MESSAGES } from '../sentry.messages';
import { buildSdkOptions } from './build-sdk-options';
import { leanHttpIntegration } from './http/lean-http.integration';
import { loadProfilingIntegration } from './load-profiling-integration';
import { queryBreadcrumbsIntegration } from './query-breadcrumbs.integration';
import { ErrorStormGuard } from './error-storm.guard';
import { ensureScrubbing, markClientScrubbed } from './scrub-foreign-client';
import type { SentrySdkHandle } from './sentry-sdk-handle';
import { isProfilingEnabled, isTracingEnabled } from './tracing-enabled.util';

/** Clients this process has closed: a later module start must not reuse them. */
const closedClients = new WeakSet<object>();

export function markClientClosed(client: object): void {
  closedClients.add(client);
}

/**
 * Initialises the SDK once, fail-open. A live client (from the `instrument`
 * preload) is reused, never initialised twice. Tracing off loads the light SDK
 * (no OpenTelemetry); tracing on loads `@sentry/nestjs`.
 */
export function initSentrySdk(options: ResolvedSentryOptions, logger: LoggerService, preloading = false): SentrySdkHandle {
  const existing = getClient();
  if (existing && !closedClients.has(existing) && existing.getOptions().enabled !== false) {
    logger.log?.(SENTRY_MESSAGES.reusedClient);
    ensureScrubbing(existing, options, logger);
    return { mode: 'preloaded', client: existing, ownsClient: false, options, stormGuard: stormGuardFor(options) };
  }
  if (!options.enabled) return disabled(options, logger, SENTRY_MESSAGES.disabledByOption);
  if (!options.dsn && !options.spotlight) return disabled(options, logger, SENTRY_MESSAGES.disabledNoDsn);
  try {
    const tracing = isTracingEnabled(options);
    // OpenTelemetry only pays off when it loads before the app (the preload): it
    // instruments modules as they are required. After the app has loaded, the light
    // SDK traces HTTP in and out at a fraction of the cost, without it.
    const otel = tracing && preloading;
    const profiling = tracing && isProfilingEnabled(options) ? loadProfilingIntegration(logger) : [];
    const integrations = otel ? [queryBreadcrumbsIntegration(), ...profiling] : [...leanDefaults(options, tracing), ...profiling];
    const sdkOptions = buildSdkOptions(options, integrations);
    // Required lazily: without the preload, OpenTelemetry and the Nest instrumentation are never loaded.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const client = otel
      ? (require('@sentry/nestjs') as typeof import('@sentry/nestjs')).init(sdkOptions)
      : (require('@sentry/node-core/light') as typeof import('@sentry/node-core/light')).init(sdkOptions);
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (!client) throw new Error('the SDK returned no client');
    markClientScrubbed(client);
    const mode = tracing ? 'tracing' : 'errors-only';
    logger.log?.(SENTRY_MESSAGES.initialised(mode, options.environment, options.release));
    if (tracing && !preloading) logger.warn(SENTRY_MESSAGES.lateInit);
    return { mode, client, ownsClient: true, options, stormGuard: stormGuardFor(options) };
  } catch (error) {
    return disabled(options, logger, SENTRY_MESSAGES.initFailed(describe(error)), 'error');
  }
}

/** Ours in place of the SDK's default `Http` integration, unless the defaults are off. */
function leanDefaults(options: ResolvedSentryOptions, tracing: boolean) {
  return options.sdkOptions?.defaultIntegrations === false ? [] : [leanHttpIntegration({ spans: tracing })];
}

function disabled(
  options: ResolvedSentryOptions,
  logger: LoggerService,
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
