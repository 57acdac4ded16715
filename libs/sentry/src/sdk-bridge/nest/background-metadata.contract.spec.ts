import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import * as eventEmitter from '@nestjs/event-emitter';
import { Cron, Interval, Timeout } from '@nestjs/schedule';
import {
  EVENT_LISTENER_METADATA,
  ON_WORKER_EVENT_METADATA,
  PROCESSOR_METADATA,
  SCHEDULER_NAME,
  SCHEDULER_TYPE,
  SCHEDULER_TYPE_NAMES,
} from './nest-metadata-keys';

/** The background packages' metadata the module reads, checked through their real decorators: a failure names it. */
describe('sdk-bridge contract: @nestjs/schedule, @nestjs/event-emitter, @nestjs/bullmq metadata', () => {
  class Jobs {
    @Cron('0 * * * *', { name: 'orders.cleanup' }) cron(): void {}
    @Interval(1000) interval(): void {}
    @Timeout('boot.warmup', 1000) timeout(): void {}
    @eventEmitter.OnEvent('order.created') onOrder(): void {}
  }
  @Processor('emails')
  class EmailsProcessor extends WorkerHost {
    async process(): Promise<void> {}
    @OnWorkerEvent('failed') onFailed(): void {}
  }
  const method = (target: object, key: string): object => (target as Record<string, object>)[key];

  // SchedulerType is not exported either: its values are checked through the decorators that set them.
  it('touchpoint SCHEDULER_TYPE / SCHEDULER_NAME / SCHEDULER_TYPE_NAMES (@nestjs/schedule): kind and name of each scheduled method', () => {
    const read = (key: string) => [
      SCHEDULER_TYPE_NAMES[Reflect.getMetadata(SCHEDULER_TYPE, method(Jobs.prototype, key)) as number],
      Reflect.getMetadata(SCHEDULER_NAME, method(Jobs.prototype, key)),
    ];
    expect([read('cron'), read('interval'), read('timeout')]).toEqual([
      ['cron', 'orders.cleanup'],
      ['interval', undefined],
      ['timeout', 'boot.warmup'],
    ]);
  });

  it('touchpoint EVENT_LISTENER_METADATA equals @nestjs/event-emitter\'s and holds [{ event }]', () => {
    expect(EVENT_LISTENER_METADATA).toBe(eventEmitter.EVENT_LISTENER_METADATA);
    expect(Reflect.getMetadata(EVENT_LISTENER_METADATA, method(Jobs.prototype, 'onOrder'))).toEqual([expect.objectContaining({ event: 'order.created' })]);
  });

  it('touchpoint PROCESSOR_METADATA / ON_WORKER_EVENT_METADATA (@nestjs/bullmq): queue name and worker event', () => {
    expect(Reflect.getMetadata(PROCESSOR_METADATA, EmailsProcessor)).toEqual(expect.objectContaining({ name: 'emails' }));
    expect(Reflect.getMetadata(ON_WORKER_EVENT_METADATA, method(EmailsProcessor.prototype, 'onFailed'))).toEqual({ eventName: 'failed' });
  });
});
