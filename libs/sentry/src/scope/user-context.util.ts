import {
  getCurrentScope,
  getDefaultCurrentScope,
  getDefaultIsolationScope,
  getIsolationScope,
  type Scope,
  type User,
} from '@sentry/core';
import type { SentryPrincipal } from '../sentry.options';
import { asTagValue } from './principal-shape.util';
import { TENANT_CONTEXT, TENANT_TAG } from './scope.constants';

/** Scopes whose user the app set or cleared itself: a lazily resolved principal must not override them. */
const explicitScopes = new WeakSet<Scope>();

export function markUserContextExplicit(scope: Scope): void {
  explicitScopes.add(scope);
}

export function isUserContextExplicit(scope: Scope): boolean {
  return explicitScopes.has(scope);
}

/** ADR-024 section 4, the user half: `id`, plus `email` / `username` when present. */
export function setUserOn(scope: Scope, principal: Pick<SentryPrincipal, 'id' | 'email' | 'username'>): void {
  const user: User = { id: String(principal.id) };
  if (principal.email) user.email = principal.email;
  if (principal.username) user.username = principal.username;
  scope.setUser(user);
}

/**
 * User and tenant the app states itself (`setUserContext`, `runInScope`): the user is marked
 * explicit, so a lazily resolved request principal never overrides it.
 */
export function setStatedUserContext(
  scope: Scope,
  user: Pick<SentryPrincipal, 'id' | 'email' | 'username'> | undefined,
  tenantId: string | number | undefined,
): void {
  if (user) {
    markUserContextExplicit(scope);
    setUserOn(scope, user);
  }
  const tenant = asTagValue(tenantId);
  if (tenant !== undefined) setTenantOn(scope, tenant);
}

/** ADR-024 section 4, the tenant half: tag `tenant_id` (filterable) and context `tenant`. */
export function setTenantOn(scope: Scope, tenantId: string): void {
  scope.setTag(TENANT_TAG, tenantId);
  scope.setContext(TENANT_CONTEXT, { tenant_id: tenantId });
}

/** Unsets both halves; on a narrower scope this also masks what a wider one holds. */
export function clearUserContextOn(scope: Scope): void {
  scope.setUser(null);
  scope.setTag(TENANT_TAG, undefined);
  scope.setContext(TENANT_CONTEXT, null);
}

/**
 * The scope `SentryService.setUserContext` writes to. Inside a request (or any
 * `withIsolationScope` block) its isolation scope, so the user stays with it.
 * Outside, the current scope (ADR-024), e.g. a job's `withScope` block. At top
 * level that would be the default current scope, which every later request
 * clones and whose user would outrank the request's own: write the default
 * isolation scope instead, which units of work start clean of (clean-scope.util.ts).
 */
export function userContextScope(): Scope {
  const isolationScope = getIsolationScope();
  if (isolationScope !== getDefaultIsolationScope()) return isolationScope;
  const currentScope = getCurrentScope();
  return currentScope === getDefaultCurrentScope() ? isolationScope : currentScope;
}
