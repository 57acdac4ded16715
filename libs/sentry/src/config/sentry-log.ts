import type { LoggerService } from '@nestjs/common';

/**
 * Where the module's own lines go: Nest's `Logger` inside the module, a buffer in the
 * preload (which must not load Nest before `Sentry.init`, see instrument/).
 */
export type SentryLog = Pick<LoggerService, 'log' | 'warn' | 'error'>;
