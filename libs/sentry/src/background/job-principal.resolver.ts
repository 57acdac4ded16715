import type { LoggerService } from '@nestjs/common';
import { asId, asTagValue } from '../scope/principal-shape.util';
import type { SentryScopeOptions } from '../scope/run-in-scope.util';
import { BACKGROUND_MESSAGES, SENTRY_JOB_PRINCIPAL_METADATA } from './background.constants';
import type { SentryJobKind, SentryJobMeta, SentryJobPrincipalResolver, SentryJobPrincipalValue } from './background.types';

/** The `resolveJobPrincipal` option: the same for every background handler of the app. */
export type ResolveJobPrincipal = (kind: SentryJobKind, payload: any, meta: SentryJobMeta) => SentryJobPrincipalValue | undefined | null;

/**
 * One run's principal: the option first, then `@SentryJobPrincipal` on the class, then on the
 * method, merged field by field (later wins). Fail-open: a throwing resolver costs the run its
 * user, never the run itself, and is logged once.
 */
export class JobPrincipalResolver {
  private failureLogged = false;
  private readonly cache = new WeakMap<Function, Map<string, readonly SentryJobPrincipalResolver[]>>();

  constructor(
    private readonly resolveOption: ResolveJobPrincipal | undefined,
    private readonly logger: LoggerService,
  ) {}

  /** The scope options of the run: user (when there is an id) and tenant. */
  resolve(type: Function, key: string, payload: unknown, meta: SentryJobMeta): SentryScopeOptions {
    const resolvers = this.resolversOf(type, key);
    const principal: SentryJobPrincipalValue = {};
    if (this.resolveOption) mergeDefined(principal, this.call(() => this.resolveOption!(meta.kind, payload, meta), meta));
    for (const resolve of resolvers) mergeDefined(principal, this.call(() => resolve(payload, meta), meta));
    const id = asId(principal.id);
    return {
      user: id === undefined ? undefined : { id, email: principal.email, username: principal.username },
      tenantId: asTagValue(principal.tenantId),
    };
  }

  /** Class, then method (see the decorator); `getMetadata` walks up to base classes. Fixed after boot: read once. */
  private resolversOf(type: Function, key: string): readonly SentryJobPrincipalResolver[] {
    let byKey = this.cache.get(type);
    if (!byKey) this.cache.set(type, (byKey = new Map()));
    let resolvers = byKey.get(key);
    if (!resolvers) {
      const ofClass = (Reflect.getMetadata(SENTRY_JOB_PRINCIPAL_METADATA, type) as SentryJobPrincipalResolver[] | undefined) ?? [];
      const ofMethod = (Reflect.getMetadata(SENTRY_JOB_PRINCIPAL_METADATA, type.prototype as object, key) as SentryJobPrincipalResolver[] | undefined) ?? [];
      byKey.set(key, (resolvers = [...ofClass, ...ofMethod]));
    }
    return resolvers;
  }

  private call(resolve: () => SentryJobPrincipalValue | undefined | null, meta: SentryJobMeta): SentryJobPrincipalValue | undefined {
    try {
      const principal = resolve();
      return principal && typeof principal === 'object' ? principal : undefined;
    } catch (error) {
      if (!this.failureLogged) {
        this.failureLogged = true;
        this.logger.warn(BACKGROUND_MESSAGES.principalFailed(meta.handler, error instanceof Error ? error.message : String(error)));
      }
      return undefined;
    }
  }
}

/** Field by field: a resolver that leaves a field undefined keeps what an earlier one gave. */
function mergeDefined(into: SentryJobPrincipalValue, from: SentryJobPrincipalValue | undefined): void {
  if (!from) return;
  for (const [field, value] of Object.entries(from)) if (value !== undefined) (into as Record<string, unknown>)[field] = value;
}
