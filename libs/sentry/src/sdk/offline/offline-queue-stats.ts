import type { OfflineDropCounter, OfflineDropTotals } from './offline-drop-counter';
import type { FileOfflineStore } from './file-offline-store';

/** What the durable queue holds and what it has dropped so far. @publicApi */
export interface OfflineQueueStats {
  directory: string;
  /** Envelopes waiting in the directory. */
  queued: number;
  bytes: number;
  dropped: OfflineDropTotals;
}

interface ActiveQueue {
  directory: string;
  store: FileOfflineStore;
  drops: OfflineDropCounter;
}

// The SDK builds the transport itself, so DI cannot hand it over; one client per process holds it.
let active: ActiveQueue | undefined;

export function registerOfflineQueue(queue: ActiveQueue): void {
  active = queue;
}

/**
 * The durable queue's figures, or undefined when `SENTRY_OFFLINE_DIR` is not in use.
 * @publicApi
 */
export function getOfflineQueueStats(): OfflineQueueStats | undefined {
  if (!active) return undefined;
  return { directory: active.directory, ...active.store.size, dropped: active.drops.snapshot() };
}
