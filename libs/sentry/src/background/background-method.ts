import type { Reflector } from '@nestjs/core';
import {
  EVENT_LISTENER_METADATA,
  ON_WORKER_EVENT_METADATA,
  PROCESSOR_METADATA,
  SCHEDULER_NAME,
  SCHEDULER_TYPE,
  SCHEDULER_TYPE_NAMES,
} from '../sdk-bridge/nest/nest-metadata-keys';
import type { SentryJobKind, SentryJobMeta } from './background.types';

/** A handler method the scheduler, the emitter or BullMQ calls: what it is, as read from its decorators. */
export interface BackgroundMethod {
  readonly kind: SentryJobKind;
  /** The scheduler's name, the event name(s), or the queue name. */
  readonly name?: string;
  /** Worker events: the event this method listens to. */
  readonly workerEvent?: string;
}

/** Reads which background unit `method` (of `type`) is, if any. `process` counts only on a `@Processor` class. */
export function backgroundMethodOf(reflector: Reflector, type: Function, key: string, method: Function): BackgroundMethod | undefined {
  const schedulerKind = SCHEDULER_TYPE_NAMES[reflector.get<number>(SCHEDULER_TYPE, method)];
  if (schedulerKind) return { kind: schedulerKind, name: reflector.get<string | undefined>(SCHEDULER_NAME, method) };

  const listeners = reflector.get<Array<{ event?: unknown }> | undefined>(EVENT_LISTENER_METADATA, method);
  if (Array.isArray(listeners) && listeners.length > 0) return { kind: 'event', name: listeners.map((l) => eventName(l.event)).join('|') };

  const processor = reflector.get<{ name?: string } | undefined>(PROCESSOR_METADATA, type);
  if (!processor) return undefined;
  const workerEvent = reflector.get<{ eventName?: string } | undefined>(ON_WORKER_EVENT_METADATA, method);
  if (workerEvent?.eventName) return { kind: 'queue-event', name: processor.name, workerEvent: workerEvent.eventName };
  return key === 'process' ? { kind: 'queue', name: processor.name } : undefined;
}

/** The meta of one call: BullMQ's job name comes from the job itself. */
export function jobMetaOf(method: BackgroundMethod, handler: string, args: readonly unknown[]): SentryJobMeta {
  const name = method.name ?? handler;
  if (method.kind === 'queue') return { kind: method.kind, handler, name, jobName: jobNameOf(args[0]) };
  if (method.kind === 'queue-event') return { kind: method.kind, handler, name, jobName: jobNameOf(args[0]), workerEvent: method.workerEvent };
  return { kind: method.kind, handler, name };
}

/** `cron orders.cleanup`, `event order.created`, `queue emails:send`, `queue emails:send failed` (a worker event). */
export function transactionNameOf(meta: SentryJobMeta): string {
  switch (meta.kind) {
    case 'event':
      return `event ${meta.name}`;
    case 'queue':
    case 'queue-event': {
      const job = meta.jobName ? `queue ${meta.name}:${meta.jobName}` : `queue ${meta.name}`;
      return meta.workerEvent ? `${job} ${meta.workerEvent}` : job;
    }
    default:
      // Scheduler runs of every kind are named `cron`: one family to search for; the mechanism tells them apart.
      return `cron ${meta.name}`;
  }
}

/** The payload principals are resolved from: the Job, the event payload, nothing for scheduler runs. */
export function payloadOf(kind: SentryJobKind, args: readonly unknown[]): unknown {
  return kind === 'cron' || kind === 'interval' || kind === 'timeout' ? undefined : args[0];
}

function eventName(event: unknown): string {
  if (Array.isArray(event)) return event.map(eventName).join('.');
  return typeof event === 'symbol' ? (event.description ?? 'symbol') : String(event);
}

function jobNameOf(job: unknown): string | undefined {
  const name = job && typeof job === 'object' ? (job as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
