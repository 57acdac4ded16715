import type { SentryLog } from '../config/sentry-log';

type Level = keyof SentryLog;

/**
 * Holds the preload's lines until `Sentry.init` has run. Printing them through Nest's
 * `Logger` any earlier would load `@nestjs/common` first, and the SDK can only
 * instrument (wrap guards, pipes, filters…) a Nest it sees being loaded.
 */
export class BufferedLog implements SentryLog {
  private readonly lines: Array<[Level, string]> = [];

  log(message: string): void {
    this.lines.push(['log', message]);
  }
  warn(message: string): void {
    this.lines.push(['warn', message]);
  }
  error(message: string): void {
    this.lines.push(['error', message]);
  }

  /** Hands every held line to `target`, in order. */
  flushTo(target: SentryLog): void {
    for (const [level, message] of this.lines.splice(0)) target[level](message);
  }
}
