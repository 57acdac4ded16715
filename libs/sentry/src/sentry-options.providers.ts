import { Logger, type Provider } from '@nestjs/common';
import { resolveAndReport } from './config/report-sentry-config';
import type { ResolvedSentryOptions } from './config/resolve-sentry-config';
import { initSentrySdk } from './sdk/init-sentry-sdk';
import { isSdkEnabled, type SentrySdkHandle } from './sdk/sentry-sdk-handle';
import { installLeanRequestUnits } from './scope/lean-request/lean-request-units';
import { keepRequestScopesClean } from './scope/clean-request-scopes';
import { rememberCapturedErrors } from './logging/captured-errors';
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
    useFactory: (options: ResolvedSentryOptions) => startSdk(options),
  },
];

/** Starts (or reuses) the client; requests then start from a clean scope, preloaded or not. */
function startSdk(options: ResolvedSentryOptions): SentrySdkHandle {
  const handle = initSentrySdk(options, new Logger(SENTRY_LOGGER_CONTEXT));
  if (handle.client && isSdkEnabled(handle)) {
    installLeanRequestUnits(handle.client);
    rememberCapturedErrors(handle.client);
    keepRequestScopesClean(handle.client);
  }
  return handle;
}
