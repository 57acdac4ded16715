import { Logger, type Provider } from '@nestjs/common';
import { resolveAndReport } from './config/report-sentry-config';
import type { ResolvedSentryOptions } from './config/resolve-sentry-config';
import { initSentrySdk } from './sdk/init-sentry-sdk';
import { SENTRY_LOGGER_CONTEXT, SENTRY_RESOLVED_OPTIONS, SENTRY_SDK } from './sentry.internal-constants';
import { SENTRY_MODULE_OPTIONS } from './sentry.module-definition';
import type { SentryModuleOptions } from './sentry.options';

export const sentryOptionsProviders: Provider[] = [
  {
    provide: SENTRY_RESOLVED_OPTIONS,
    inject: [SENTRY_MODULE_OPTIONS],
    useFactory: (input: SentryModuleOptions) => resolveAndReport(input, new Logger(SENTRY_LOGGER_CONTEXT)),
  },
  {
    provide: SENTRY_SDK,
    inject: [SENTRY_RESOLVED_OPTIONS],
    useFactory: (options: ResolvedSentryOptions) => initSentrySdk(options, new Logger(SENTRY_LOGGER_CONTEXT)),
  },
];
