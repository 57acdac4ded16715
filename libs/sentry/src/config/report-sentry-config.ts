import type { SentryLog } from './sentry-log';
import type { SentryModuleOptions } from '../sentry.options';
import { SentryConfigError } from './sentry-config.error';
import { resolveSentryConfig, type ResolvedSentryOptions } from './resolve-sentry-config';

/** Validates the options once, logging each bad value (or throwing, in strict mode). */
export function resolveAndReport(input: SentryModuleOptions, logger: SentryLog): ResolvedSentryOptions {
  const { options, problems } = resolveSentryConfig(input ?? {}, (name) => process.env[name]);
  if (problems.length > 0 && options.strict) throw new SentryConfigError(problems);
  for (const line of problems) logger.warn(line);
  return options;
}
