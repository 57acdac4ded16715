import type { Event } from '@sentry/core';
import { SentryTestIngest } from '../libs/sentry/src/testing';

const HARVEST_EVERY_MS = 500;

/**
 * The loopback ingest every enabled mode sends to, with counters instead of a
 * growing list: envelopes are counted and dropped twice a second, so a run of
 * tens of thousands of events (and every transaction at rate 1.0) never piles
 * up in the harness, which shares its CPU and memory with autocannon.
 */
export class IngestTally {
  private counted = 0;
  private transactions = 0;
  /** Every HTTP request the ingest saw, ever: drain() watches it move. */
  private requests = 0;
  private match: (event: Event) => boolean = () => false;
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly ingest: SentryTestIngest) {
    this.timer = setInterval(() => this.harvest(), HARVEST_EVERY_MS);
    this.timer.unref();
  }

  static async start(): Promise<IngestTally> {
    return new IngestTally(await SentryTestIngest.start());
  }

  get dsn(): string {
    return this.ingest.dsn;
  }

  /** Starts counting events that `match` (a route's own errors) from zero. */
  reset(match: (event: Event) => boolean): void {
    this.harvest();
    this.match = match;
    this.counted = 0;
    this.transactions = 0;
  }

  /** Matching events and transactions since `reset`. */
  counts(): { events: number; transactions: number } {
    this.harvest();
    return { events: this.counted, transactions: this.transactions };
  }

  /**
   * Waits until nothing new has arrived for `quietMs` (events still in the SDK's
   * queue keep coming in), or `maxMs` have passed.
   */
  async drain(quietMs = 400, maxMs = 10_000): Promise<void> {
    const deadline = Date.now() + maxMs;
    this.harvest();
    let seen = this.requests;
    for (;;) {
      await sleep(quietMs);
      this.harvest();
      const now = this.requests;
      if (now === seen || Date.now() > deadline) return;
      seen = now;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.ingest.close();
  }

  private harvest(): void {
    this.counted += this.ingest.events.filter((event) => this.match(event)).length;
    this.transactions += this.ingest.transactions.length;
    this.requests += this.ingest.requestCount;
    this.ingest.clear(); // also zeroes requestCount, hence the running total above

  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
