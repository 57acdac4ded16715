import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DEMO_CREDENTIALS } from '../auth/demo-credentials';
import type { NewOrder } from './orders.repository';
import { OrdersRepository } from './orders.repository';

/** One starter order per tenant, so every curl line works on a fresh database (ids 1, 2, 3). */
const STARTER_ORDERS: Readonly<Record<string, NewOrder>> = {
  acme: { item: 'Anvil, 50 kg', quantity: 2, unitPriceCents: 4999 },
  globex: { item: 'Hammock', quantity: 1, unitPriceCents: 12900, discountCode: 'WELCOME10' },
  initech: { item: 'Red stapler', quantity: 3, unitPriceCents: 1499 },
};

@Injectable()
export class OrdersSeed implements OnApplicationBootstrap {
  constructor(private readonly orders: OrdersRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    // Sequential, so a fresh database numbers the tenants' orders in table order.
    for (const user of DEMO_CREDENTIALS.values()) {
      const starter = STARTER_ORDERS[user.tenantId];
      if (starter) await this.orders.seedIfEmpty(user.tenantId, user.id, starter);
    }
  }
}
