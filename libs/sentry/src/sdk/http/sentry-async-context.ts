import { AsyncLocalStorage } from 'node:async_hooks';
import { getAsyncContextStrategy, getMainCarrier } from '@sentry/core';

/** Runs a function in a context taken earlier. */
export type RunInContext = <R>(fn: () => R) => R;

let storage: AsyncLocalStorage<unknown> | null | undefined;

/**
 * The SDK's own async storage (its scopes), exposed by its context strategy for
 * tracing channels. Taking and restoring just that store is cheap; Node's
 * `AsyncLocalStorage.snapshot()` is the fallback (~25 µs: an AsyncResource).
 */
function sentryStorage(): AsyncLocalStorage<unknown> | null {
  if (storage === undefined) {
    const strategy = getAsyncContextStrategy(getMainCarrier()) as { getTracingChannelBinding?: () => { asyncLocalStorage?: AsyncLocalStorage<unknown> } | undefined };
    storage = strategy.getTracingChannelBinding?.()?.asyncLocalStorage ?? null;
  }
  return storage;
}

/** The caller's Sentry scopes, to run later code (an event of a reused socket) in. */
export function captureSentryContext(): RunInContext {
  const als = sentryStorage();
  if (!als) return AsyncLocalStorage.snapshot() as RunInContext;
  const store = als.getStore();
  return (fn) => (store === undefined ? fn() : als.run(store, fn));
}
