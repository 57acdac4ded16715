import { SENTRY_JOB_PRINCIPAL_METADATA } from './background.constants';
import type { SentryJobPrincipalResolver } from './background.types';

/**
 * The user and tenant of each run of a background handler (`@Cron`, `@OnEvent`, a BullMQ
 * `@Processor` class or its `process`), from its payload: the `Job`, the event payload, or
 * nothing for scheduler runs. On the class and the method they stack and merge field by
 * field (the method wins, then the decorator written higher), over `resolveJobPrincipal`.
 * @example `@SentryJobPrincipal((job: Job) => ({ id: job.data.userId, tenantId: job.data.tenantId }))`
 * @publicApi
 */
export function SentryJobPrincipal(resolve: SentryJobPrincipalResolver): ClassDecorator & MethodDecorator {
  return (target: object, key?: string | symbol): void => {
    // On a method, kept on (prototype, key), not on the function: with the preload, Sentry's
    // `@Processor` patch replaces `process` after method decorators ran and copies no metadata.
    const existing = (Reflect.getOwnMetadata(SENTRY_JOB_PRINCIPAL_METADATA, target, key as string) as SentryJobPrincipalResolver[] | undefined) ?? [];
    // Decorators apply bottom-up: appending puts the one written higher last, where it wins the merge.
    Reflect.defineMetadata(SENTRY_JOB_PRINCIPAL_METADATA, [...existing, resolve], target, key as string);
  };
}
