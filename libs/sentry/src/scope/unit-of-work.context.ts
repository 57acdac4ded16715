import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whether code runs inside a unit of work the module started (`runInUnitScope`), and in what
 * that unit awaits or starts. Kept apart from Sentry's isolation scope on purpose: with the
 * preload, Sentry's own Nest wrappers fork that scope again inside the module's unit, and
 * such a copy cannot be told from a scope outside any unit.
 */
const insideUnit = new AsyncLocalStorage<true>();

/** Runs `fn` (sync or async) as inside a unit of work. */
export function runAsUnitOfWork<T>(fn: () => T): T {
  return insideUnit.run(true, fn);
}

/** True inside `runAsUnitOfWork`, however many scopes were forked since. */
export function isInsideUnitOfWork(): boolean {
  return insideUnit.getStore() === true;
}
