import { withIsolationScope, type Scope } from '@sentry/core';
import type { SentryPrincipal } from '../sentry.options';
import { cleanIsolationFork } from './clean-scope.util';
import { runAsUnitOfWork } from './unit-of-work.context';
import { setStatedUserContext } from './user-context.util';

/**
 * Who and what a unit of work run by `SentryService.runInScope` is about.
 * @publicApi
 */
export interface SentryScopeOptions {
  /** The user, as on requests: `id`, plus `email` / `username` when given. */
  user?: Pick<SentryPrincipal, 'id' | 'email' | 'username'>;
  /** Tag `tenant_id` and context `tenant`, as on requests. */
  tenantId?: string | number;
  tags?: Record<string, string | number | boolean>;
}

/** A clean isolation scope carrying `options`: the base of one unit of work. */
export function prepareUnitScope(options: SentryScopeOptions): Scope {
  const scope = cleanIsolationFork();
  setStatedUserContext(scope, options.user, options.tenantId);
  if (options.tags) scope.setTags(options.tags);
  return scope;
}

/**
 * Runs `fn` (sync or async) in `scope`: what it and the work it awaits record stays there.
 * A unit it starts (an event it emits, a nested `runInScope`) starts clean: see cleanIsolationFork.
 */
export function runInUnitScope<T>(scope: Scope, fn: () => T): T {
  return withIsolationScope(scope, () => runAsUnitOfWork(fn));
}
