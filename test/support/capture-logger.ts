import { ConsoleLogger } from '@nestjs/common';

/** A Nest logger that records every line (and stays quiet) so tests can assert on messages. */
export class CaptureLogger extends ConsoleLogger {
  readonly lines: Array<{ level: string; message: string; context?: string }> = [];

  constructor() {
    super();
  }

  log(message: unknown, context?: string): void {
    this.record('log', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.record('warn', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.record('error', message, context ?? stackOrContext);
  }
  debug(message: unknown, context?: string): void {
    this.record('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.record('verbose', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.record('fatal', message, context);
  }

  /** Lines from the Sentry module only. */
  sentryLines(level?: string): string[] {
    return this.lines
      .filter((line) => line.context === 'SentryModule' && (!level || line.level === level))
      .map((line) => line.message);
  }

  private record(level: string, message: unknown, context?: string): void {
    this.lines.push({ level, message: String(message), context });
  }
}
