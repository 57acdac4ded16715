import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SentryJobPrincipal, SentryService } from '../../libs/sentry/src';
import { gate } from './gate';

export interface OrderEvent {
  orderId: string;
  userId: string;
  tenantId: string;
}

/** Set by a test before it emits: how many `order.created` calls must overlap before any goes on. */
export const orderGate = { current: gate(1) };

@Injectable()
export class OrderListeners {
  constructor(private readonly sentry: SentryService) {}

  /** User and tenant come from the `resolveJobPrincipal` option. Errors are logged by the emitter (its default). */
  @OnEvent('order.created')
  async onCreated(order: OrderEvent): Promise<void> {
    this.sentry.addBreadcrumb(`${order.orderId}:start`, 'unit');
    await orderGate.current.arrive();
    this.sentry.addBreadcrumb(`${order.orderId}:end`, 'unit');
    throw new Error(`err:event:${order.orderId}`);
  }

  /** The decorator's user merges over the option's; `suppressErrors: false` makes the emitter rethrow. */
  @SentryJobPrincipal((order: OrderEvent) => ({ id: `decorated-${order.userId}` }))
  @OnEvent('order.strict', { suppressErrors: false })
  onStrict(order: OrderEvent): void {
    throw new Error(`err:strict:${order.orderId}`);
  }
}
