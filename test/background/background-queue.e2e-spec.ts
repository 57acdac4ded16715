import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { QueueEvents, type Queue } from 'bullmq';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';
import { eventsWithMessage, unitOf } from './background-events';
import { EMAILS_QUEUE, EmailsProcessor, emailGate, type EmailJob } from './emails.processor';
import { gate } from './gate';
import { startTestRedis, type TestRedis } from './redis-server';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

// 'last' runs first, on classes no app has wrapped yet (wrappers stay on the prototypes). SentryModule imported after and before BullModule: BullMQ binds process() in onModuleInit, after the module wrapped it either way.
describe.each([['last'], ['first']])('BullMQ @Processor jobs in late init (real Redis, SentryModule imported %s): each attempt and worker event is a unit of work', (position) => {
  let redis: TestRedis;
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let sentry: SentryService;
  let queue: Queue<EmailJob>;
  let queueEvents: QueueEvents;
  const flush = () => sentry.flush(5000);

  beforeAll(async () => {
    [redis, ingest] = await Promise.all([startTestRedis(), SentryTestIngest.start()]);
    const connection = { host: '127.0.0.1', port: redis.port };
    const sentryModule = SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 });
    const bull = [BullModule.forRoot({ connection }), BullModule.registerQueue({ name: EMAILS_QUEUE })];
    testApp = await createTestApp({
      imports: position === 'first' ? [sentryModule, ...bull] : [...bull, sentryModule],
      providers: [EmailsProcessor],
    });
    sentry = testApp.app.get(SentryService);
    queue = testApp.app.get<Queue<EmailJob>>(getQueueToken(EMAILS_QUEUE));
    queueEvents = new QueueEvents(EMAILS_QUEUE, { connection });
    await queueEvents.waitUntilReady();
  });

  afterAll(async () => {
    await queueEvents?.close();
    await testApp?.app.close();
    await Promise.all([ingest?.close(), redis?.stop()]);
  });

  it('a failing job ends failed after its attempts; each attempt captured once with the job\'s user and tenant, mechanism and name', async () => {
    const job = await queue.add('send', { rid: 'r-retry', userId: 'u-acme', tenantId: 'acme' }, { attempts: 2 });
    await expect(job.waitUntilFinished(queueEvents)).rejects.toThrow('err:queue:r-retry:2');
    const finished = (await queue.getJob(job.id!))!;
    expect([await finished.getState(), finished.attemptsMade, finished.failedReason]).toEqual(['failed', 2, 'err:queue:r-retry:2']);
    for (const attempt of [1, 2]) {
      const events = await eventsWithMessage(ingest, flush, `err:queue:r-retry:${attempt}`);
      expect(events.map(unitOf)).toEqual([
        {
          message: `err:queue:r-retry:${attempt}`,
          transaction: 'queue emails:send',
          mechanism: { type: 'auto.queue.nestjs.bullmq', handled: false },
          user: 'u-acme',
          tenantTag: 'acme',
          tenantContext: { tenant_id: 'acme' },
          crumbs: [`r-retry:attempt-${attempt}`],
        },
      ]);
    }
  });

  it('an @OnWorkerEvent handler runs in a scope of its own, with the job\'s tenant (class-level decorator)', async () => {
    const events = await eventsWithMessage(ingest, flush, 'failed-event:r-retry:2');
    expect(events.map((event) => ({ ...unitOf(event), mechanism: undefined }))).toEqual([
      {
        message: 'failed-event:r-retry:2',
        transaction: 'queue emails:send failed',
        mechanism: undefined,
        user: undefined,
        tenantTag: 'acme',
        tenantContext: { tenant_id: 'acme' },
        crumbs: ['r-retry:failed-event'],
      },
    ]);
  });

  it('two overlapping jobs of different tenants: each event carries its own tenant and breadcrumbs only', async () => {
    emailGate.current = gate(2);
    const jobs = await Promise.all(
      ['acme', 'globex'].map((tenant) => queue.add('send', { rid: `r-${tenant}`, userId: `u-${tenant}`, tenantId: tenant, overlap: true })),
    );
    await Promise.all(jobs.map((job) => expect(job.waitUntilFinished(queueEvents)).rejects.toThrow(`err:queue:${job.data.rid}:1`)));
    for (const tenant of ['acme', 'globex']) {
      const events = await eventsWithMessage(ingest, flush, `err:queue:r-${tenant}:1`);
      expect(events.map((event) => [event.user?.id, event.tags?.tenant_id, unitOf(event).crumbs])).toEqual([[`u-${tenant}`, tenant, [`r-${tenant}:attempt-1`]]]);
    }
  });
});
