import type { ExecutionContext, LoggerService } from '@nestjs/common';
import type { Scope } from '@sentry/core';
import type { SentryModuleOptions, SentryPrincipal } from '../sentry.options';
import { defaultResolveUser } from './default-user.resolver';
import { asId, asTagValue } from './principal-shape.util';
import { SCOPE_MESSAGES } from './scope.messages';
import { readTenantHeader } from './tenant-header.util';
import { setTenantOn, setUserOn } from './user-context.util';

type ResolveUser = NonNullable<SentryModuleOptions['resolveUser']>;

/**
 * Finds a request's principal (the `resolveUser` option, else `request.user`) and
 * writes it on the request's scope. Fail-open: a throwing resolver costs the event
 * its user, never the request, and is logged once.
 */
export class RequestPrincipalResolver {
  private readonly tenantHeader: string | undefined;
  private failureLogged = false;

  constructor(
    private readonly resolveUser: ResolveUser = defaultResolveUser,
    tenantHeader: string | undefined,
    private readonly logger: LoggerService,
  ) {
    // Node and Fastify both lower-case incoming header names.
    this.tenantHeader = tenantHeader?.trim().toLowerCase() || undefined;
  }

  applyTo(scope: Scope, context: ExecutionContext): void {
    const principal = this.principalOf(context);
    if (principal && asId(principal.id) !== undefined) setUserOn(scope, principal);
    // The principal's tenant outranks the header: a client must not relabel its own events.
    const tenantId =
      asTagValue(principal?.tenantId) ?? (this.tenantHeader ? readTenantHeader(context, this.tenantHeader) : undefined);
    if (tenantId !== undefined) setTenantOn(scope, tenantId);
  }

  private principalOf(context: ExecutionContext): SentryPrincipal | undefined {
    try {
      const principal = this.resolveUser(context);
      return principal && typeof principal === 'object' ? principal : undefined;
    } catch (error) {
      if (!this.failureLogged) {
        this.failureLogged = true;
        this.logger.warn(SCOPE_MESSAGES.resolveUserFailed(error instanceof Error ? error.message : String(error)));
      }
      return undefined;
    }
  }
}
