import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SentryService } from '@app/sentry';
import type { DemoUser } from '../auth/demo-user.interface';
import type { CreateOrderDto } from './dto/create-order.dto';
import type { PayOrderDto } from './dto/pay-order.dto';
import { ORDER_FLAGGED, type OrderFlaggedEvent } from './order-flagged.event';
import { DISCOUNTS, type Order } from './order.model';
import { OrdersRepository } from './orders.repository';
import { PaymentGateway } from './payment.gateway';

/**
 * Order use cases. `SentryService` adds what an error report needs beyond the
 * stack trace: breadcrumbs of what happened first, a `payment` context, and a
 * deliberate warning message when someone flags an order. Logger lines become
 * breadcrumbs too (through `SentryLogger`).
 */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly payments: PaymentGateway,
    private readonly sentry: SentryService,
    private readonly events: EventEmitter2,
  ) {}

  list(user: DemoUser): Promise<Order[]> {
    return this.orders.list(user.tenantId);
  }

  async get(user: DemoUser, id: number): Promise<Order> {
    const order = await this.orders.find(user.tenantId, id);
    // 404 is a client error: not reported.
    if (!order) throw new NotFoundException(`Order ${id} not found`);
    return order;
  }

  async create(user: DemoUser, dto: CreateOrderDto): Promise<Order> {
    const order = await this.orders.create(user.tenantId, user.id, dto);
    this.logger.log(`Order ${order.id} created for tenant ${user.tenantId}`);
    return order;
  }

  /** Has a bug on purpose: orders without a discount code crash with a TypeError (unhandled → reported). */
  async recalculate(user: DemoUser, id: number): Promise<{ id: number; totalCents: number }> {
    const order = await this.get(user, id);
    this.sentry.addBreadcrumb(`Recalculating order ${id}`, 'orders', 'info', { discountCode: order.discountCode });
    const discount = DISCOUNTS.get(order.discountCode as string)!; // the bug: `!` hides the "no discount" case
    const totalCents = Math.round(order.quantity * order.unitPriceCents * (1 - discount.percent / 100));
    return { id, totalCents };
  }

  /** Calls the payment provider, which is down: a 503 HttpException (5xx → reported). */
  async pay(user: DemoUser, id: number, dto: PayOrderDto): Promise<Order> {
    const order = await this.get(user, id);
    const amountCents = order.quantity * order.unitPriceCents;
    this.sentry.setContext('payment', { provider: this.payments.provider, orderId: id, amountCents });
    this.sentry.addBreadcrumb('Charging card', 'payment', 'info', { orderId: id, last4: dto.cardNumber.slice(-4) });
    await this.payments.charge({ orderId: id, amountCents, cardToken: this.payments.tokenize(dto.cardNumber) });
    await this.orders.setStatus(user.tenantId, id, 'paid');
    return { ...order, status: 'paid' };
  }

  /** Not an error, still worth a look: a warning message in Sentry, with the reason as extra data; then the fraud review runs in the background. */
  async flag(user: DemoUser, id: number, reason: string): Promise<{ id: number; eventId?: string }> {
    await this.get(user, id);
    await this.orders.setStatus(user.tenantId, id, 'flagged');
    const eventId = this.sentry.captureMessage(`Order flagged for review: ${reason}`, 'warning', { orderId: id, reason });
    this.logger.warn(`Order ${id} flagged by ${user.id}`);
    const flagged: OrderFlaggedEvent = { orderId: id, tenantId: user.tenantId, userId: user.id, reason };
    this.events.emit(ORDER_FLAGGED, flagged);
    return { id, eventId };
  }

  /** Reads a table that was never migrated: the `pg` error is unhandled (reported). */
  stats(user: DemoUser): Promise<unknown[]> {
    return this.orders.stats(user.tenantId);
  }

  async slowReport(ms: number): Promise<{ tookMs: number }> {
    const started = Date.now();
    await this.orders.slowReport(ms);
    return { tookMs: Date.now() - started };
  }
}
