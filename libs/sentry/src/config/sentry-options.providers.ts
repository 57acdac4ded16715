import { Logger, type Provider } from '@nestjs/common';
import { SENTRY_LOGGER_CONTEXT, SENTRY_RESOLVED_OPTIONS, SENTRY_SDK } from '../sentry.internal-constants';
import { SENTRY_MODULE_OPTIONS } from '../sentry.module-definition';
import type { SentryModuleOptions } from '../sentry.options';
import { initSentrySdk } from '../sdk/init-sentry-sdk';
import { SentryConfigError } from './sentry-config.error';
import { resolveSentryConfig, type ResolvedSentryOptions } from './resolve-sentry-config';

/** Validates the options once, logging each bad value (or throwing, in strict mode). */
export function resolveAndReport(input: SentryModuleOptions, logger = new Logger(SENTRY_LOGGER_CONTEXT)): ResolvedSentryOptions {
  const { options, problems } = resolveSentryConfig(input ?? {}, (name) => process.env[name]);
  if (problems.length > 0 && options.strict) throw new SentryConfigError(problems);
  for (const line of problems) logger.warn(line);
  return options;
}

export const sentryOptionsProviders: Provider[] = [
  {
    provide: SENTRY_RESOLVED_OPTIONS,
    inject: [SENTRY_MODULE_OPTIONS],
    useFactory: (input: SentryModuleOptions) => resolveAndReport(input),
  },
  {
    provide: SENTRY_SDK,
    inject: [SENTRY_RESOLVED_OPTIONS],
    useFactory: (options: ResolvedSentryOptions) => initSentrySdk(options, new Logger(SENTRY_LOGGER_CONTEXT)),
  },
];
