export { SentryModule } from './sentry.module';
export { SentryService } from './sentry.service';
export type { SentryModuleOptions, SentryOptionsFactory, SentryPrincipal } from './sentry.options';
export { SENTRY_MODULE_OPTIONS } from './sentry.module-definition';
export { SENTRY_DEFAULTS, SENTRY_ENV_VARIABLES, APP_VERSION_VARIABLE } from './sentry.config';
export { SentryConfigError } from './config/sentry-config.error';
export { readSentryEnvironment, resolveSentryConfig } from './config/resolve-sentry-config';
export type { ResolvedSentryOptions } from './config/resolve-sentry-config';
export { initSentryFromEnvironment } from './instrument/init-from-environment';
