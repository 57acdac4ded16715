import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { SentryService } from '../../libs/sentry/src';
import type { OrderEvent } from './order-listeners';

/** What `order.flagged` carries: the order, and the review it starts (another user and tenant). */
export interface FlaggedOrder extends OrderEvent {
  review: OrderEvent;
}

/**
 * A unit started inside another: flagging an order (one @OnEvent call) emits its review (another),
 * which fails. The review must carry none of the flagging call's breadcrumbs or tags, also when
 * Sentry's own wrapper (the preload) forked the flagging call's scope again inside the module's.
 */
@Injectable()
export class NestedListeners {
  constructor(
    private readonly sentry: SentryService,
    private readonly events: EventEmitter2,
  ) {}

  @OnEvent('order.flagged')
  async onFlagged(order: FlaggedOrder): Promise<void> {
    this.sentry.addBreadcrumb(`${order.orderId}:flagged`, 'unit');
    this.sentry.setTag('flagged_by', order.userId);
    await this.events.emitAsync('order.reviewed', order.review);
  }

  @OnEvent('order.reviewed')
  onReviewed(review: OrderEvent): void {
    this.sentry.addBreadcrumb(`${review.orderId}:reviewed`, 'unit');
    throw new Error(`err:nested:${review.orderId}`);
  }
}
