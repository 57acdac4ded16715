import { Injectable } from '@nestjs/common';
import { Cron, Interval, Timeout } from '@nestjs/schedule';
import { SentryJobPrincipal, SentryService } from '../../libs/sentry/src';

/** Runs of each kind that fail; later runs do nothing, so a timer left running adds no events. */
export const FAILING_RUNS = 2;

/**
 * One handler per scheduler kind; run n records breadcrumb `<kind>:<n>` and throws
 * `err:<kind>:<n>` (sync for cron and timeout, a rejection for the interval).
 */
@Injectable()
export class ScheduledJobs {
  private readonly runs = { cron: 0, interval: 0, timeout: 0 };

  constructor(private readonly sentry: SentryService) {}

  @SentryJobPrincipal(() => ({ id: 'cron-bot', tenantId: 'acme' }))
  @Cron('* * * * * *', { name: 'orders.cleanup' })
  cleanup(): void {
    this.fail('cron');
  }

  @Interval('stats.refresh', 100)
  async refresh(): Promise<void> {
    await Promise.resolve();
    this.fail('interval');
  }

  @Timeout(10)
  warmup(): void {
    this.fail('timeout');
  }

  private fail(kind: keyof ScheduledJobs['runs']): void {
    const run = ++this.runs[kind];
    if (run > FAILING_RUNS) return;
    this.sentry.addBreadcrumb(`${kind}:${run}`, 'unit');
    throw new Error(`err:${kind}:${run}`);
  }
}
