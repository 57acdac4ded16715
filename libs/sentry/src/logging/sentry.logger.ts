import { ConsoleLogger, Injectable, type LogLevel } from '@nestjs/common';
import { addBreadcrumb, captureException, captureMessage, getClient, logger as sentryLogs, type SeverityLevel } from '@sentry/core';
import { sentryLogsEnabled } from '../sdk/sentry-logs-enabled';
import { isAlreadyCaptured } from '../sdk-bridge/sentry/sentry-internals';
import { wasCapturedStack } from './captured-errors';

const BREADCRUMB_LEVEL: Partial<Record<LogLevel, SeverityLevel>> = {
  log: 'info',
  warn: 'warning',
  debug: 'debug',
  verbose: 'debug',
};

/**
 * ADR-024's LoggingIntegration for Nest: a `ConsoleLogger` that still prints,
 * and also turns `log`/`warn`/`debug`/`verbose` into breadcrumbs and
 * `error`/`fatal` into events. An exception already captured (Nest logs it too,
 * as the Error or as its message and stack) becomes a breadcrumb, not a second event.
 * With `enableLogs` on, every line is also sent as a Sentry log.
 * Use: `app.useLogger(new SentryLogger())` (or `app.get(SentryLogger)`).
 * @publicApi
 */
@Injectable()
export class SentryLogger extends ConsoleLogger {
  log(message: unknown, ...rest: unknown[]): void {
    super.log(message, ...rest);
    this.toSentry('log', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    super.warn(message, ...rest);
    this.toSentry('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    super.debug(message, ...rest);
    this.toSentry('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    super.verbose(message, ...rest);
    this.toSentry('verbose', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    super.error(message, ...rest);
    this.toSentry('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    super.fatal(message, ...rest);
    this.toSentry('fatal', message, rest);
  }

  /** Never lets Sentry trouble break logging. */
  private toSentry(level: LogLevel, message: unknown, rest: unknown[]): void {
    const client = getClient();
    if (!client || !this.isLevelEnabled(level)) return;
    try {
      const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : this.context;
      const text = message instanceof Error ? message.message : typeof message === 'string' ? message : safeJson(message);
      if (sentryLogsEnabled(client)) sendLog(level, text, context);
      if (level !== 'error' && level !== 'fatal') {
        addBreadcrumb({ category: context ?? 'nest', message: text, level: BREADCRUMB_LEVEL[level] });
      } else if (message instanceof Error) {
        if (isAlreadyCaptured(message)) addBreadcrumb({ category: context ?? 'nest', message: text, level: 'error' });
        else captureException(message, { level, tags: context ? { logger: context } : undefined });
      } else {
        const extra = stackOf(rest);
        // `logger.error(error.message, error.stack)` of an error that was captured already.
        if (wasCapturedStack(extra?.stack)) addBreadcrumb({ category: context ?? 'nest', message: text, level: 'error' });
        else captureMessage(text, { level, tags: context ? { logger: context } : undefined, extra });
      }
    } catch {
      // Logging must keep working whatever Sentry does.
    }
  }
}

function sendLog(level: LogLevel, text: string, context: string | undefined): void {
  const attributes = context ? { 'nest.context': context } : undefined;
  if (level === 'fatal') sentryLogs.fatal(text, attributes);
  else if (level === 'error') sentryLogs.error(text, attributes);
  else if (level === 'warn') sentryLogs.warn(text, attributes);
  else if (level === 'log') sentryLogs.info(text, attributes);
  else sentryLogs.debug(text, attributes);
}

/** Nest passes `(message, stack, context)` to error(): keep the stack as extra data. */
function stackOf(rest: unknown[]): { stack: string } | undefined {
  return rest.length >= 2 && typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? { stack: rest[0] } : undefined;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
