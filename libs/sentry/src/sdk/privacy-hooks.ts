import type { NodeOptions } from '@sentry/node-core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
// TEMP until scrubbing lands
const createScrubber = (_o?: unknown) => ({ scrubEvent: <T>(e: T) => e, scrubTransaction: <T>(e: T) => e, scrubBreadcrumb: <T>(e: T) => e, scrubSpan: <T>(e: T) => e, scrubLog: <T>(e: T) => e });

/**
 * Our scrubber runs first on every exit path; the user's own hooks then see
 * scrubbed data. A scrubber that cannot clean an event drops it (returns null).
 */
export function buildPrivacyHooks(options: ResolvedSentryOptions): Partial<NodeOptions> {
  const scrubber = createScrubber(options.scrubbing);
  const user = { ...options.sdkOptions, ...pickDefined(options) };
  return {
    beforeSend: (event, hint) => {
      const clean = scrubber.scrubEvent(event);
      return clean && user.beforeSend ? user.beforeSend(clean, hint) : clean;
    },
    beforeSendTransaction: (event, hint) => {
      const clean = scrubber.scrubTransaction(event);
      return clean && user.beforeSendTransaction ? user.beforeSendTransaction(clean, hint) : clean;
    },
    beforeBreadcrumb: (breadcrumb, hint) => {
      const clean = scrubber.scrubBreadcrumb(breadcrumb);
      return clean && user.beforeBreadcrumb ? user.beforeBreadcrumb(clean, hint) : clean;
    },
    beforeSendSpan: (span) => {
      const clean = scrubber.scrubSpan(span);
      return user.beforeSendSpan ? user.beforeSendSpan(clean) : clean;
    },
    beforeSendLog: (log) => {
      const clean = scrubber.scrubLog(log);
      return clean && user.beforeSendLog ? user.beforeSendLog(clean) : clean;
    },
  };
}

function pickDefined(options: ResolvedSentryOptions): Partial<NodeOptions> {
  const picked: Partial<NodeOptions> = {};
  if (options.beforeSend) picked.beforeSend = options.beforeSend;
  if (options.beforeSendTransaction) picked.beforeSendTransaction = options.beforeSendTransaction;
  if (options.beforeBreadcrumb) picked.beforeBreadcrumb = options.beforeBreadcrumb;
  return picked;
}
