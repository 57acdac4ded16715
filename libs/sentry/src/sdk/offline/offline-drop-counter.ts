import { OFFLINE_QUEUE_MESSAGES } from './offline-queue.messages';

/** Why the queue let an envelope go without sending it. */
export type OfflineDropReason = 'full' | 'expired' | 'corrupt' | 'unwritable';

export type OfflineDropTotals = Record<OfflineDropReason, number>;

/**
 * Counts what the offline queue drops and says so: at the first drop, then at most once
 * per `intervalMs` (a storm of drops is one line, not thousands), and whatever is left at
 * `report()` (called at flush and shutdown).
 */
export class OfflineDropCounter {
  private readonly totals: OfflineDropTotals = { full: 0, expired: 0, corrupt: 0, unwritable: 0 };
  private unreported = 0;
  private lastReportAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly warn: (line: string) => void,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  count(reason: OfflineDropReason): void {
    this.totals[reason] += 1;
    this.unreported += 1;
    if (this.now() - this.lastReportAt >= this.intervalMs) this.report();
  }

  /** Says the drops not yet said, if any. */
  report(): void {
    if (this.unreported === 0) return;
    const recent = this.unreported;
    this.unreported = 0;
    this.lastReportAt = this.now();
    try {
      this.warn(OFFLINE_QUEUE_MESSAGES.dropped(recent, this.snapshot()));
    } catch {
      // A failing logger must not break the transport.
    }
  }

  snapshot(): OfflineDropTotals {
    return { ...this.totals };
  }
}
