import { Module, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { defaultResolveUser, SentryLogger, SentryModule, SentryService, type SentryJobKind, type SentryPrincipal } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Event } from '@sentry/core';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { config as rxjsConfig } from 'rxjs';
import { startTestRedis, type TestRedis } from '../background/redis-server';
import { startTestPostgres, type TestPostgres } from '../support/embedded-postgres';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';
import { findMixedProblems, textOf } from './mixed-check';
import { MIXED_QUEUE, MixedUnitsModule, type MixedJob } from './mixed-handlers';
import { addJobs, emitEventUnits, fireCronUnits, queueTickUnits, runSocketUnits, sendHttpUnits } from './mixed-launch';
import { planMixedUnits, RENDEZVOUS_KINDS, TENANTS, type MixedUnit } from './mixed-plan';
import { kindsInFlight } from './mixed-unit-work';
import { ALL_OUTSIDE_DATA, outsideDataOn, recordOutsideAnyUnit } from './outside-unit-work';

jest.setTimeout(90_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

/** SentryLogger as an app would use it (boot lines become breadcrumbs of the process-wide scope), without printing. */
class QuietSentryLogger extends SentryLogger {
  protected printMessages(): void {}
  protected printStackTrace(): void {}
}

/** WebSocket messages carry their user in the payload (a per-message token); HTTP has it on `request.user`. */
function resolveUser(context: ExecutionContext): SentryPrincipal | undefined {
  if (context.getType() !== 'ws') return defaultResolveUser(context);
  const unit = context.switchToWs().getData<MixedUnit>();
  return { id: unit.user, tenantId: unit.tenant };
}

/** @OnEvent calls run for the user and tenant in their payload. */
function resolveJobPrincipal(kind: SentryJobKind, payload: unknown) {
  return kind === 'event' ? { id: (payload as MixedUnit).user, tenantId: (payload as MixedUnit).tenant } : undefined;
}

const BOOT_LINES = ['InstanceLoader', 'NestApplication', 'RouterExplorer', 'RoutesResolver', 'WebSocketsController'];
const plan = planMixedUnits();
/** One event per unit (the emitter's log line of a failed @OnEvent call is a breadcrumb, see mixed-check.ts). */
const expectedEvents = plan.all.length;
const isUnitEvent = (event: Event) => !textOf(event).startsWith('outside:');

describe('every unit of work in its own clean scope, all kinds at once (late init, Express + socket.io, real Postgres and Redis)', () => {
  let redis: TestRedis;
  let postgres: TestPostgres;
  let ingest: SentryTestIngest;
  let pool: Pool;
  let redisClient: Redis;
  let app: INestApplication;
  let url: string;
  // Nest calls handleConnection / handleDisconnect from rxjs subscriptions: what they rethrow ends up here.
  const rethrown: unknown[] = [];
  // A pooled connection Postgres drops (say, the server stopped under the test) is reported, not an uncaught 'error'.
  const poolErrors: string[] = [];
  let previousOnUnhandled: typeof rxjsConfig.onUnhandledError;

  beforeAll(async () => {
    previousOnUnhandled = rxjsConfig.onUnhandledError;
    rxjsConfig.onUnhandledError = (error) => rethrown.push(error);
    [redis, postgres, ingest] = await Promise.all([startTestRedis(), startTestPostgres(), SentryTestIngest.start()]);
    pool = new Pool({ connectionString: postgres.url, max: 4 });
    pool.on('error', (error) => poolErrors.push(error.message));
    redisClient = new Redis({ host: '127.0.0.1', port: redis.port });

    @Module({
      imports: [
        SentryModule.forRoot({
          dsn: ingest.dsn,
          tracesSampleRate: 0,
          // Hundreds of events leave at once: room for all of them in the transport queue.
          sdkOptions: { transportOptions: { bufferSize: 10_000 } },
          resolveUser,
          resolveJobPrincipal,
        }),
        ScheduleModule.forRoot(),
        EventEmitterModule.forRoot(),
        BullModule.forRoot({ connection: { host: '127.0.0.1', port: redis.port } }),
        MixedUnitsModule.on({ pool, redis: redisClient }),
      ],
    })
    class MixedAppModule {}
    app = await NestFactory.create(MixedAppModule, { bufferLogs: true, abortOnError: false });
    app.useLogger(new QuietSentryLogger());
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await pool?.end();
    redisClient?.disconnect();
    await Promise.all([ingest?.close(), postgres?.stop(), redis?.stop()]);
    rxjsConfig.onUnhandledError = previousOnUnhandled;
  });

  it(`${plan.all.length} units of HTTP, WebSocket, scheduler, event and queue work across ${TENANTS} tenants: each event carries its own unit's user, tenant and breadcrumbs only`, async () => {
    const sentry = app.get(SentryService);
    // Outside any unit: boot lines (SentryLogger), a breadcrumb, user, tenant, tag, context, extra, an outgoing call.
    await recordOutsideAnyUnit(sentry);
    Sentry.captureMessage('outside:before-run');
    const before = await ingest.waitForEvent((event) => event.message === 'outside:before-run');
    // So the checks below can fail: all of it is there to leak.
    expect(BOOT_LINES.filter((category) => before.breadcrumbs?.some((crumb) => crumb.category === category))).toEqual(BOOT_LINES);
    expect(outsideDataOn(before)).toEqual(ALL_OUTSIDE_DATA);

    // Recorded outside any unit while units run: a plain timer, not Nest's scheduler.
    let outsideTicks = 0;
    const outsideTicker = setInterval(() => Sentry.addBreadcrumb({ category: 'outside', message: `outside:tick:${++outsideTicks}` }), 1);
    try {
      await Promise.all([
        sendHttpUnits(url, plan.http),
        runSocketUnits(url, plan.sockets),
        addJobs(app.get<Queue<MixedJob>>(getQueueToken(MIXED_QUEUE)), plan.jobs),
        fireCronUnits(app.get(SchedulerRegistry), plan.crons),
        queueTickUnits(plan.ticks),
        emitEventUnits(app.get(EventEmitter2), plan.events),
      ]);
      // Should some never come, the check below names each unit that is missing its event.
      await ingest.waitForEvents(expectedEvents, isUnitEvent, { timeoutMs: 45_000 }).catch(() => undefined);
    } finally {
      clearInterval(outsideTicker);
    }
    // A duplicate would be sent right behind its first copy: everything sent so far has arrived.
    await sentry.flush(5000);

    expect(kindsInFlight.max).toBeGreaterThanOrEqual(RENDEZVOUS_KINDS.length);
    const problems = findMixedProblems(ingest.events.filter(isUnitEvent), plan.all);
    expect({ problems: problems.length, first: problems.slice(0, 30) }).toEqual({ problems: 0, first: [] });

    // Units leave nothing on the process-wide scope either; what was recorded outside during the run is there.
    Sentry.captureMessage('outside:after-run');
    const after = await ingest.waitForEvent((event) => event.message === 'outside:after-run');
    expect(outsideTicks).toBeGreaterThan(0);
    // (The scheduler's own log lines of failed runs may be there, naming them: it logs outside the run.)
    expect({
      unitCrumbs: (after.breadcrumbs ?? []).filter((crumb) => crumb.category === 'unit' || crumb.category === 'query'),
      ticks: (after.breadcrumbs ?? []).some((crumb) => crumb.message?.startsWith('outside:tick:')),
      user: after.user?.id,
    }).toEqual({ unitCrumbs: [], ticks: true, user: 'outside-user' });
    expect(ingest.events).toHaveLength(expectedEvents + 2);

    expect(poolErrors).toEqual([]);

    // Connection hooks' errors: captured once (above) and rethrown unchanged to Nest, once each. rxjs
    // hands each to onUnhandledError in a timer it queued before the event was sent: one timer later, all ran.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const connectionFailures = plan.sockets.flatMap((socket) => [socket.connect, socket.disconnect]).filter((unit) => unit.fails);
    expect(rethrown.map((error) => (error as Error).message).sort()).toEqual(connectionFailures.map((unit) => `err:${unit.id}`).sort());
  });
});
