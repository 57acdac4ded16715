import type { SentryLog } from '../config/sentry-log';
import type { Breadcrumb, Client, Log, Metric } from '@sentry/core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import { createScrubber } from '../scrubbing';
import { SENTRY_MESSAGES } from '../sentry.messages';

/** Clients whose `before*` hooks already run our scrubber (made by this module or its preload). */
const scrubbedClients = new WeakSet<Client>();

export function markClientScrubbed(client: Client): void {
  scrubbedClients.add(client);
}

/**
 * A client someone else initialised (their own `Sentry.init` in instrument.ts)
 * has none of our hooks. Nothing unscrubbed may leave, so the same rules are
 * attached as an event processor (errors, messages, transactions with their
 * spans) and as breadcrumb, log and metric hooks, which edit the item in place.
 */
export function ensureScrubbing(client: Client, options: ResolvedSentryOptions, logger: SentryLog): void {
  if (scrubbedClients.has(client)) return;
  scrubbedClients.add(client);
  const scrubber = createScrubber(options.scrubbing);
  client.addEventProcessor((event) => scrubber.scrubEvent(event));
  client.on('beforeAddBreadcrumb', (breadcrumb: Breadcrumb) => {
    replaceInPlace(breadcrumb, scrubber.scrubBreadcrumb(breadcrumb), ['message', 'data']);
  });
  client.on('beforeCaptureLog', (log: Log) => {
    replaceInPlace(log, scrubber.scrubLog(log), ['message', 'attributes']);
  });
  client.on('processMetric', (metric: Metric) => {
    replaceInPlace(metric, scrubber.scrubMetric(metric), ['attributes']);
  });
  logger.warn(SENTRY_MESSAGES.foreignClient);
}

/** Copies the clean item over the original; a null (unscrubbable) item loses its risky fields. */
function replaceInPlace<T extends object>(target: T, clean: T | null, risky: Array<keyof T>): void {
  if (clean) {
    Object.assign(target, clean);
    return;
  }
  for (const key of risky) delete target[key];
}
