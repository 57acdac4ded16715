import type { SentryLog } from '../config/sentry-log';
import type { Integration } from '@sentry/core';

export const PROFILER_UNAVAILABLE =
  'Sentry profiling is unavailable (the @sentry/profiling-node native addon could not be loaded) - carrying on without profiles';

/** Said after the reason, so the warning can be silenced on purpose. */
const PROFILER_HINT = '(set SENTRY_PROFILES_SAMPLE_RATE=0 to stop trying)';

/** The hooks the SDK calls inside `Sentry.init`: a throw there would fail the whole init. */
const SETUP_HOOKS = ['setupOnce', 'setup', 'afterAllSetup'] as const;

/**
 * Loads the native profiler only when profiling is on. A missing or broken addon, or one that
 * throws while the SDK sets it up (the native profiler failing to start), costs one warning line:
 * never the boot, and never error tracking.
 */
export function loadProfilingIntegration(
  logger: SentryLog,
  load: () => { nodeProfilingIntegration: () => Integration } = () => require('@sentry/profiling-node'),
): Integration[] {
  const warn = (error: unknown) => logger.warn(`${PROFILER_UNAVAILABLE}: ${firstLine(error)} ${PROFILER_HINT}`);
  try {
    return [guardSetup(load().nodeProfilingIntegration(), warn)];
  } catch (error) {
    warn(error);
    return [];
  }
}

/**
 * Makes the integration's setup hooks fail alone: the SDK calls them without a guard, and a throw
 * would leave a half-initialised client behind. After the first failure the others are skipped.
 */
function guardSetup(integration: Integration, warn: (error: unknown) => void): Integration {
  let failed = false;
  const hooks = integration as unknown as Record<string, unknown>;
  for (const hook of SETUP_HOOKS) {
    const original = hooks[hook];
    if (typeof original !== 'function') continue;
    hooks[hook] = (...args: unknown[]): void => {
      if (failed) return;
      try {
        original.apply(integration, args);
      } catch (error) {
        failed = true;
        warn(error);
      }
    };
  }
  return integration;
}

/** Node's "Cannot find module" carries a multi-line require stack: one log line keeps the first. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0].trim();
}
