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
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    const holder = descriptor ? (descriptor.value as object) : target;
    // Decorators apply bottom-up: appending puts the one written higher last, where it wins the merge.
    const existing = (Reflect.getOwnMetadata(SENTRY_JOB_PRINCIPAL_METADATA, holder) as SentryJobPrincipalResolver[] | undefined) ?? [];
    Reflect.defineMetadata(SENTRY_JOB_PRINCIPAL_METADATA, [...existing, resolve], holder);
  };
}
