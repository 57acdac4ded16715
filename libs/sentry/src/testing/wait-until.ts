import type { EventEmitter } from 'node:events';

/** Emitted by the recorder whenever something arrives or counts change. */
export const CHANGED = 'changed';
/** Emitted once by `close()`; pending waits reject instead of running into their timeout. */
export const CLOSED = 'closed';

/** @publicApi */
export interface WaitOptions {
  /** How long to wait before rejecting. @default 10000 */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Resolves with the first non-undefined result of `check`, re-checked on every change
 * notification rather than on a polling timer, so a wait ends as soon as data arrives.
 */
export function waitUntil<T>(
  emitter: EventEmitter,
  check: () => T | undefined,
  what: string,
  summary: () => string,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<T>((resolve, reject) => {
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      emitter.off(CHANGED, onChange);
      emitter.off(CLOSED, onClosed);
      settle();
    };
    const onChange = (): void => {
      try {
        const found = check();
        if (found !== undefined) finish(() => resolve(found));
      } catch (error) {
        // A throwing predicate is a test bug; surface it instead of timing out.
        finish(() => reject(error));
      }
    };
    const onClosed = (): void =>
      finish(() => reject(new Error(`SentryTestIngest closed while waiting for ${what}. ${summary()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`SentryTestIngest: timed out after ${timeoutMs}ms waiting for ${what}. ${summary()}`))),
      timeoutMs,
    );
    emitter.on(CHANGED, onChange);
    emitter.on(CLOSED, onClosed);
    onChange();
  });
}
