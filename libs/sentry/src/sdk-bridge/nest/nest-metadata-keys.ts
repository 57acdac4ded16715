/*
 * Nest's reflect-metadata keys and provider tokens the module reads or writes. Nest exports
 * the first three only from a deep path (`@nestjs/common/constants`), and the others from
 * optional packages (@nestjs/websockets, @nestjs/microservices) an app may not install, so
 * they are spelled out here, checked against Nest by nest-internals.contract.spec.ts.
 */

/** `@Catch(...)` exception types of a filter class. */
export const FILTER_CATCH_EXCEPTIONS = '__filterCatchExceptions__';
/** Class- and method-level `@UseFilters` list. */
export const EXCEPTION_FILTERS_METADATA = '__exceptionFilters__';
/** Class- and method-level `@UseInterceptors` list. */
export const INTERCEPTORS_METADATA = '__interceptors__';
/** `GATEWAY_METADATA` of @nestjs/websockets: set on `@WebSocketGateway` classes. */
export const GATEWAY_METADATA = 'websockets:is_gateway';
/** `PATTERN_METADATA` of @nestjs/microservices: set on `@MessagePattern` / `@EventPattern` handlers. */
export const PATTERN_METADATA = 'microservices:pattern';

/**
 * The start of the token Nest's scanner gives each `APP_FILTER` provider
 * (`APP_FILTER (UUID: …)`): how the module finds the app's own global filters.
 */
export function appFilterTokenPrefix(appFilter: string): string {
  return `${appFilter} (UUID:`;
}

/*
 * Background work. @nestjs/schedule and @nestjs/bullmq keep these keys in files their
 * `exports` map does not open, and all three packages are optional: spelled out here.
 */
/** @nestjs/schedule: a `@Cron` / `@Interval` / `@Timeout` method's kind (`SchedulerType`) and name. */
export const SCHEDULER_TYPE = 'SCHEDULER_TYPE';
export const SCHEDULER_NAME = 'SCHEDULER_NAME';
/** `SchedulerType` of @nestjs/schedule, by value. */
export const SCHEDULER_TYPE_NAMES: Readonly<Record<number, 'cron' | 'timeout' | 'interval'>> = { 1: 'cron', 2: 'timeout', 3: 'interval' };
/** @nestjs/event-emitter: `[{ event, options }]` on an `@OnEvent` method. */
export const EVENT_LISTENER_METADATA = 'EVENT_LISTENER_METADATA';
/** @nestjs/bullmq: `{ name }` on a `@Processor` class, `{ eventName }` on an `@OnWorkerEvent` method. */
export const PROCESSOR_METADATA = 'bullmq:processor_metadata';
export const ON_WORKER_EVENT_METADATA = 'bullmq:worker_events_metadata';
