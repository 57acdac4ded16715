/** An order, as the API returns it. */
export interface Order {
  id: number;
  tenantId: string;
  item: string;
  quantity: number;
  unitPriceCents: number;
  discountCode: string | null;
  status: 'open' | 'paid' | 'flagged';
  createdBy: string;
  createdAt: string;
}

/** Discount codes the shop knows. */
export const DISCOUNTS: ReadonlyMap<string, { percent: number }> = new Map([
  ['WELCOME10', { percent: 10 }],
  ['VIP25', { percent: 25 }],
]);
