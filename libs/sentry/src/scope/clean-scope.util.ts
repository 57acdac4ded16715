import { getDefaultIsolationScope, getGlobalScope, getIsolationScope, type Scope } from '@sentry/core';
import { isClaimedByAnother } from './request-scope.registry';
import { isInsideUnitOfWork } from './unit-of-work.context';

/**
 * Drops from `fork` what it inherited from `base` (breadcrumbs, user, tags, contexts,
 * extras, attributes): the values it still shares with `base` by identity, since
 * `Scope.clone()` copies references. What was set on the fork itself stays (its own
 * breadcrumbs, the SDK's request metadata, propagation context and transaction name).
 */
export function dropInherited(fork: Scope, base: Scope): void {
  if (fork === base) return;
  const own = fork.getScopeData();
  const inherited = base.getScopeData();
  const global = getGlobalScope().getScopeData();

  const baseCrumbs = new Set(inherited.breadcrumbs);
  const ownCrumbs = own.breadcrumbs.filter((crumb) => !baseCrumbs.has(crumb));
  if (ownCrumbs.length !== own.breadcrumbs.length) {
    fork.clearBreadcrumbs();
    // scope.addBreadcrumb keeps each crumb's timestamp and skips the client's hooks: they already ran.
    for (const crumb of ownCrumbs) fork.addBreadcrumb(crumb, ownCrumbs.length);
  }
  // `{}` rather than `setUser(null)`: an empty user lets the global scope's show through.
  if (own.user === inherited.user && Object.keys(own.user).length > 0) fork.setUser({});
  // No remove for tags or extras: shadow each with the global scope's value (usually undefined).
  for (const key of sharedKeys(own.tags, inherited.tags)) fork.setTag(key, global.tags[key] as never);
  for (const key of sharedKeys(own.extra, inherited.extra)) fork.setExtra(key, global.extra[key]);
  for (const key of sharedKeys(own.contexts, inherited.contexts)) fork.setContext(key, null);
  for (const key of sharedKeys(own.attributes, inherited.attributes)) fork.removeAttribute(key);
}

/**
 * A new isolation scope for a unit of work the module forks itself (RPC, WebSocket
 * message, `runInScope`, a background run or connection hook): the current one's trace
 * and SDK metadata, none of what was recorded outside any unit. Another unit's scope is
 * never the base: not a request's or message's, should its context have leaked to here,
 * nor the scope of the unit this one starts inside (an event emitted from a job), even
 * when Sentry's own wrapper (the preload) forked that unit's scope again.
 */
export function cleanIsolationFork(key?: object): Scope {
  const current = getIsolationScope();
  const parent = isInsideUnitOfWork() || isClaimedByAnother(current, key) ? getDefaultIsolationScope() : current;
  const fork = parent.clone();
  dropInherited(fork, getDefaultIsolationScope());
  return fork;
}

function sharedKeys(own: object | undefined, base: object | undefined): string[] {
  if (!own || !base) return [];
  const ownRecord = own as Record<string, unknown>;
  const baseRecord = base as Record<string, unknown>;
  return Object.keys(baseRecord).filter((key) => key in ownRecord && ownRecord[key] === baseRecord[key] && ownRecord[key] !== undefined);
}
