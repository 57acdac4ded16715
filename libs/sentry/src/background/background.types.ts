import type { SentryPrincipal } from '../sentry.options';

/**
 * What kind of background unit ran: a `@Cron` / `@Interval` / `@Timeout` run, an `@OnEvent`
 * handler call, a BullMQ `@Processor`'s `process()` or one of its `@OnWorkerEvent` handlers.
 * @publicApi
 */
export type SentryJobKind = 'cron' | 'interval' | 'timeout' | 'event' | 'queue' | 'queue-event';

/** What ran, handed to `resolveJobPrincipal` and written on the unit's scope. @publicApi */
export interface SentryJobMeta {
  readonly kind: SentryJobKind;
  /** `Class.method` of the handler. */
  readonly handler: string;
  /** The scheduler's name (else `Class.method`), the event name(s), or the queue name. */
  readonly name: string;
  /** BullMQ: the job's name, when the first argument is a `Job`. */
  readonly jobName?: string;
  /** `@OnWorkerEvent` handlers: the worker event (`failed`, `completed`, ...). */
  readonly workerEvent?: string;
}

/** Who a unit of background work runs for; `id` optional (a tenant-wide job has none). @publicApi */
export type SentryJobPrincipalValue = Partial<Pick<SentryPrincipal, 'id' | 'tenantId' | 'email' | 'username'>>;

/**
 * Finds the principal of one run from its payload: the BullMQ `Job` (`job.data`), the event
 * payload (first argument), or `undefined` for scheduler runs.
 * @publicApi
 */
export type SentryJobPrincipalResolver = (payload: any, meta: SentryJobMeta) => SentryJobPrincipalValue | undefined | null;
