import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SentryJobPrincipal, SentryService } from '@app/sentry';
import { ORDER_FLAGGED, type OrderFlaggedEvent } from './order-flagged.event';

/**
 * Background work of the orders domain: a flagged order goes to a fraud review that runs
 * after the request has answered. The demo's review service is down, so every run fails:
 * the error reaches Sentry as `event order.flagged`, with the tenant and user of the event
 * (not of whatever request happens to run), and the emitter just logs it, as without Sentry.
 */
@Injectable()
export class FraudReviewListener {
  private readonly logger = new Logger(FraudReviewListener.name);

  constructor(private readonly sentry: SentryService) {}

  @OnEvent(ORDER_FLAGGED, { async: true })
  @SentryJobPrincipal((event: OrderFlaggedEvent) => ({ id: event.userId, tenantId: event.tenantId }))
  async review(event: OrderFlaggedEvent): Promise<void> {
    this.sentry.addBreadcrumb(`fraud review of order ${event.orderId} started`, 'fraud-review');
    this.logger.log(`reviewing order ${event.orderId}`);
    await Promise.resolve();
    throw new Error(`fraud review service unreachable (order ${event.orderId})`);
  }
}
