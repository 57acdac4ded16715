import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { SentryJobPrincipal, SentryService } from '../../libs/sentry/src';
import { gate } from './gate';

export interface EmailJob {
  rid: string;
  userId: string;
  tenantId: string;
  /** Wait for the shared gate before failing (the concurrency test). */
  overlap?: boolean;
}

export const EMAILS_QUEUE = 'emails';
export const emailGate = { current: gate(1) };

/** The tenant, for `process` and the worker events alike: a class-level decorator. */
@SentryJobPrincipal((job: Job<EmailJob>) => ({ tenantId: job.data.tenantId }))
@Processor(EMAILS_QUEUE, { concurrency: 4 })
export class EmailsProcessor extends WorkerHost {
  constructor(private readonly sentry: SentryService) {
    super();
  }

  /** Every attempt fails with `err:queue:<rid>:<attempt>`. */
  @SentryJobPrincipal((job: Job<EmailJob>) => ({ id: job.data.userId }))
  async process(job: Job<EmailJob>): Promise<void> {
    const attempt = job.attemptsMade + 1;
    this.sentry.addBreadcrumb(`${job.data.rid}:attempt-${attempt}`, 'unit');
    if (job.data.overlap) await emailGate.current.arrive();
    throw new Error(`err:queue:${job.data.rid}:${attempt}`);
  }

  /** A worker event is a unit too: the message it captures carries the job's tenant. */
  @OnWorkerEvent('failed')
  onFailed(job: Job<EmailJob>): void {
    this.sentry.addBreadcrumb(`${job.data.rid}:failed-event`, 'unit');
    this.sentry.captureMessage(`failed-event:${job.data.rid}:${job.attemptsMade}`);
  }
}
