/** Emitted when someone flags an order: the fraud review picks it up in the background. */
export const ORDER_FLAGGED = 'order.flagged';

export interface OrderFlaggedEvent {
  orderId: number;
  tenantId: string;
  userId: string;
  reason: string;
}
