import type { LoggerService } from '@nestjs/common';
import type { Integration } from '@sentry/core';

export const PROFILER_UNAVAILABLE =
  'Sentry profiling is unavailable (the @sentry/profiling-node native addon could not be loaded) - carrying on without profiles';

/** Loads the native profiler only when profiling is on; a missing or broken addon costs one warning. */
export function loadProfilingIntegration(
  logger: LoggerService,
  load: () => { nodeProfilingIntegration: () => Integration } = () => require('@sentry/profiling-node'),
): Integration[] {
  try {
    return [load().nodeProfilingIntegration()];
  } catch (error) {
    logger.warn(`${PROFILER_UNAVAILABLE}: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
