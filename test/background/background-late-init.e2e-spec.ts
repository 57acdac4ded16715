import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { SentryModule, SentryService, type SentryJobKind } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';
import { eventsWithMessage, unitOf } from './background-events';
import { gate } from './gate';
import { OrderListeners, orderGate, type OrderEvent } from './order-listeners';
import { ScheduledJobs } from './scheduled-jobs';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

/** The option: interval runs belong to globex, event handlers to the user and tenant in their payload. */
function resolveJobPrincipal(kind: SentryJobKind, payload: unknown) {
  if (kind === 'interval') return { tenantId: 'globex' };
  if (kind === 'event') return { id: (payload as OrderEvent).userId, tenantId: (payload as OrderEvent).tenantId };
  return undefined;
}

// 'last' runs first, on classes no app has wrapped yet (wrappers stay on the prototypes). SentryModule imported after and before the scheduler and the emitter: handlers are wrapped before either registers them.
describe.each([['last'], ['first']])('background work in late init (SentryModule imported %s): @Cron / @Interval / @Timeout and @OnEvent runs are units of work', (position) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let sentry: SentryService;
  const flush = () => sentry.flush(5000);

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    const sentryModule = SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, resolveJobPrincipal });
    const others = [ScheduleModule.forRoot(), EventEmitterModule.forRoot()];
    testApp = await createTestApp({
      imports: position === 'first' ? [sentryModule, ...others] : [...others, sentryModule],
      providers: [ScheduledJobs, OrderListeners],
    });
    sentry = testApp.app.get(SentryService);
    // Recorded outside any unit: must reach no background event.
    Sentry.addBreadcrumb({ category: 'unit', message: 'outside' });
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it.each([
    ['cron', 'cron orders.cleanup', 'auto.function.nestjs.cron', { user: 'cron-bot', tenant: 'acme' }],
    ['interval', 'cron stats.refresh', 'auto.function.nestjs.interval', { user: undefined, tenant: 'globex' }],
  ] as const)('each %s run is captured once, in its own scope, with its principal, mechanism and name', async (kind, transaction, type, who) => {
    const [first, second] = [await eventsWithMessage(ingest, flush, `err:${kind}:1`), await eventsWithMessage(ingest, flush, `err:${kind}:2`)];
    expect([first.length, second.length]).toEqual([1, 1]);
    expect([unitOf(first[0]), unitOf(second[0])]).toEqual(
      [1, 2].map((run) => ({
        message: `err:${kind}:${run}`,
        transaction,
        mechanism: { type, handled: false },
        user: who.user,
        tenantTag: who.tenant,
        tenantContext: { tenant_id: who.tenant },
        crumbs: [`${kind}:${run}`], // run 2 does not carry run 1's breadcrumb, nor the one recorded outside
      })),
    );
    // The scheduler still logs the error itself.
    expect(testApp.logger.lines.filter((line) => line.context === 'Scheduler' && line.message.includes(`err:${kind}:1`))).toHaveLength(1);
  });

  it('a @Timeout run without a name is named after Class.method; no principal, none invented', async () => {
    const events = await eventsWithMessage(ingest, flush, 'err:timeout:1');
    expect(events.map(unitOf)).toEqual([
      {
        message: 'err:timeout:1',
        transaction: 'cron ScheduledJobs.warmup',
        mechanism: { type: 'auto.function.nestjs.timeout', handled: false },
        user: undefined,
        tenantTag: undefined,
        tenantContext: undefined,
        crumbs: ['timeout:1'],
      },
    ]);
  });

  it('two overlapping @OnEvent calls of different tenants: each captured once with its own user, tenant and breadcrumbs; the emitter still logs', async () => {
    orderGate.current = gate(2);
    const emitter = testApp.app.get(EventEmitter2);
    const orders: OrderEvent[] = [
      { orderId: 'o-acme', userId: 'u-acme', tenantId: 'acme' },
      { orderId: 'o-globex', userId: 'u-globex', tenantId: 'globex' },
    ];
    // The emitter swallows and logs the errors (suppressErrors defaults to true): emitAsync resolves.
    await Promise.all(orders.map((order) => emitter.emitAsync('order.created', order)));
    for (const order of orders) {
      const events = await eventsWithMessage(ingest, flush, `err:event:${order.orderId}`);
      expect(events.map(unitOf)).toEqual([
        {
          message: `err:event:${order.orderId}`,
          transaction: 'event order.created',
          mechanism: { type: 'auto.event.nestjs', handled: false },
          user: order.userId,
          tenantTag: order.tenantId,
          tenantContext: { tenant_id: order.tenantId },
          crumbs: [`${order.orderId}:start`, `${order.orderId}:end`],
        },
      ]);
      expect(testApp.logger.lines.filter((line) => line.context === 'Event' && line.message === `err:event:${order.orderId}`)).toHaveLength(1);
    }
  });

  it('an @OnEvent with suppressErrors: false still rethrows to the emitter; captured once, the decorator merged over the option', async () => {
    const emitter = testApp.app.get(EventEmitter2);
    await expect(emitter.emitAsync('order.strict', { orderId: 'o-strict', userId: 'u1', tenantId: 'initech' })).rejects.toThrow('err:strict:o-strict');
    const events = await eventsWithMessage(ingest, flush, 'err:strict:o-strict');
    expect(events.map((event) => [event.transaction, event.user?.id, event.tags?.tenant_id])).toEqual([['event order.strict', 'decorated-u1', 'initech']]);
  });
});
