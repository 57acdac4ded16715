import type { SentryJobKind } from './background.types';

/** Mechanism per kind: the names Sentry's own Nest instrumentation uses, so preload or not, events look alike. */
export const BACKGROUND_MECHANISMS: Readonly<Record<SentryJobKind, string>> = {
  cron: 'auto.function.nestjs.cron',
  interval: 'auto.function.nestjs.interval',
  timeout: 'auto.function.nestjs.timeout',
  event: 'auto.event.nestjs',
  queue: 'auto.queue.nestjs.bullmq',
  'queue-event': 'auto.queue.nestjs.bullmq',
};

/** Tag naming the kind, so background events can be filtered apart from requests. */
export const BACKGROUND_KIND_TAG = 'job.kind';

/** Internal: `@SentryJobPrincipal` resolvers of a class or method. */
export const SENTRY_JOB_PRINCIPAL_METADATA = 'sentry:job-principal';

export const BACKGROUND_MESSAGES = {
  wrapFailed: (type: string, reason: string) =>
    `Could not make the background handlers of ${type} Sentry units of work (${reason}) - they run as without the module; later failures are not logged`,
  principalFailed: (handler: string, reason: string) =>
    `Resolving the Sentry principal of ${handler} threw (${reason}) - the job runs on without a Sentry user; later failures are not logged`,
} as const;
