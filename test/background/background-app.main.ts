/**
 * A child-process app for the preload test (`-r libs/sentry/src/instrument.ts`): the
 * scheduler's handlers fail by themselves; once listening, the app emits two events (one of
 * which emits another from inside its listener) and enqueues one job from top level, then
 * prints `LISTENING <url>`.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { EventEmitter2, EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import type { Queue } from 'bullmq';
import { SentryModule, type SentryJobKind } from '../../libs/sentry/src';
import { EMAILS_QUEUE, EmailsProcessor } from './emails.processor';
import { NestedListeners, type FlaggedOrder } from './nested-listeners';
import { OrderListeners, type OrderEvent } from './order-listeners';
import { ScheduledJobs } from './scheduled-jobs';

// Test-only read of the SDK's wrapped mark: proves the preload's own Nest instrumentation
// wrapped these handlers at decoration time, so two layers could capture.
const SDK_WRAPPED = Symbol.for('sentry.nestjs.wrapped');
const sdkWrapped = (fn: unknown) => Boolean((fn as Record<symbol, unknown>)[SDK_WRAPPED]);
const preloadWrapped = [ScheduledJobs.prototype.cleanup, OrderListeners.prototype.onCreated, EmailsProcessor.prototype.process].map(sdkWrapped);

function resolveJobPrincipal(kind: SentryJobKind, payload: unknown) {
  if (kind === 'interval') return { tenantId: 'globex' };
  if (kind === 'event') return { id: (payload as OrderEvent).userId, tenantId: (payload as OrderEvent).tenantId };
  return undefined;
}

@Module({
  imports: [
    SentryModule.forRoot({ resolveJobPrincipal }),
    ScheduleModule.forRoot(),
    EventEmitterModule.forRoot(),
    BullModule.forRoot({ connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) } }),
    BullModule.registerQueue({ name: EMAILS_QUEUE }),
  ],
  providers: [ScheduledJobs, OrderListeners, NestedListeners, EmailsProcessor],
})
class BackgroundAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BackgroundAppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const emitter = app.get(EventEmitter2);
  await emitter.emitAsync('order.created', { orderId: 'o-pre', userId: 'u-pre', tenantId: 'initech' } satisfies OrderEvent);
  const review = { orderId: 'o-review', userId: 'u-review', tenantId: 'hooli' };
  await emitter.emitAsync('order.flagged', { orderId: 'o-flag', userId: 'u-flag', tenantId: 'initech', review } satisfies FlaggedOrder);
  await app.get<Queue>(getQueueToken(EMAILS_QUEUE)).add('send', { rid: 'r-pre', userId: 'u-q', tenantId: 'umbrella' }, { attempts: 2 });
  console.log(`PRELOAD_WRAPPED ${preloadWrapped.join(',')}`);
  console.log(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);
}

void main();
