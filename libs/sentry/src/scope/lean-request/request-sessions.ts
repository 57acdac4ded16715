import type { Client } from '@sentry/core';

/** One minute of request outcomes, as the SDK's request-mode release health counts them. */
export interface SessionBucket {
  readonly started: string;
  exited: number;
  errored: number;
  crashed: number;
}

const FLUSH_AFTER_MS = 60_000;

/**
 * Release health for requests the lean fork handles: the SDK counts each request it forks
 * into per-minute aggregates (ok / errored / crashed) and sends them every minute and on
 * flush. The same here, with a counter per request instead of a session object, a date
 * and a `close` listener each: a request counts as ok when it starts, and moves to errored
 * or crashed when its first error event is captured.
 */
export class RequestSessions {
  private readonly buckets = new Map<number, SessionBucket>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: Client) {
    client.on('flush', () => this.send());
  }

  /** Counts a request as started (and ok for now); the bucket is where its outcome moves. */
  start(): SessionBucket {
    const minute = Math.floor(Date.now() / 60_000);
    let bucket = this.buckets.get(minute);
    if (!bucket) {
      bucket = { started: new Date(minute * 60_000).toISOString(), exited: 0, errored: 0, crashed: 0 };
      this.buckets.set(minute, bucket);
      this.timer ??= setTimeout(() => this.send(), FLUSH_AFTER_MS).unref();
    }
    bucket.exited++;
    return bucket;
  }

  /** The request's first error: errored when handled, crashed when not (as the SDK decides). */
  fail(bucket: SessionBucket, handled: boolean): void {
    if (bucket.exited > 0) bucket.exited--;
    if (handled) bucket.errored++;
    else bucket.crashed++;
  }

  private send(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buckets.size === 0) return;
    const aggregates = [...this.buckets.values()];
    this.buckets.clear();
    try {
      this.client.sendSession({ aggregates });
    } catch {
      // Release health is best effort; it never breaks a request.
    }
  }
}
