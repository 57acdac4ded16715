import { SENTRY_MESSAGES } from '../sentry.messages';

/** Thrown at boot in strict mode; lists every bad value at once. @publicApi */
export class SentryConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(SENTRY_MESSAGES.strictFailure(problems));
    this.name = 'SentryConfigError';
  }
}
