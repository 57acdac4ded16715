/** Internal tokens: not exported from the barrel. */
export const SENTRY_RESOLVED_OPTIONS = Symbol('SENTRY_RESOLVED_OPTIONS');
export const SENTRY_SDK = Symbol('SENTRY_SDK');
export const SENTRY_LOGGER_CONTEXT = 'SentryModule';
