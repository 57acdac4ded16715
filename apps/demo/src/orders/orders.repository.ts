import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.constants';
import type { Order } from './order.model';

export interface NewOrder {
  item: string;
  quantity: number;
  unitPriceCents: number;
  discountCode?: string;
}

const COLUMNS = `id, tenant_id, item, quantity, unit_price_cents, discount_code, status, created_by, created_at`;

/** SQL for orders. Every query is scoped by tenant: one tenant never sees another's rows. */
@Injectable()
export class OrdersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list(tenantId: string): Promise<Order[]> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM orders WHERE tenant_id = $1 ORDER BY id LIMIT 100`, [tenantId]);
    return rows.map(toOrder);
  }

  async find(tenantId: string, id: number): Promise<Order | undefined> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM orders WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] ? toOrder(rows[0]) : undefined;
  }

  async create(tenantId: string, userId: string, order: NewOrder): Promise<Order> {
    const { rows } = await this.pool.query(
      `INSERT INTO orders (tenant_id, item, quantity, unit_price_cents, discount_code, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [tenantId, order.item, order.quantity, order.unitPriceCents, order.discountCode ?? null, userId],
    );
    return toOrder(rows[0]);
  }

  async setStatus(tenantId: string, id: number, status: Order['status']): Promise<void> {
    await this.pool.query(`UPDATE orders SET status = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status]);
  }

  /** Reads a reporting table whose migration was never run: fails with `relation "order_stats" does not exist`. */
  async stats(tenantId: string): Promise<unknown[]> {
    const { rows } = await this.pool.query(`SELECT day, orders, revenue_cents FROM order_stats WHERE tenant_id = $1`, [tenantId]);
    return rows;
  }

  /** Stands in for a slow report query: the time is spent in PostgreSQL, so the trace shows a long DB span. */
  async slowReport(milliseconds: number): Promise<void> {
    await this.pool.query(`SELECT pg_sleep($1::double precision / 1000)`, [milliseconds]);
  }

  /** The oldest order of each tenant, for the cheat sheet's curl lines. */
  async firstOrderIds(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query(`SELECT tenant_id, min(id) AS id FROM orders GROUP BY tenant_id`);
    return new Map(rows.map((row: { tenant_id: string; id: string }) => [row.tenant_id, Number(row.id)]));
  }

  /** Inserts `order` for the tenant unless it has orders already. */
  async seedIfEmpty(tenantId: string, userId: string, order: NewOrder): Promise<void> {
    await this.pool.query(
      `INSERT INTO orders (tenant_id, item, quantity, unit_price_cents, discount_code, created_by)
       SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM orders WHERE tenant_id = $1)`,
      [tenantId, order.item, order.quantity, order.unitPriceCents, order.discountCode ?? null, userId],
    );
  }
}

interface OrderRow {
  id: string; // BIGSERIAL arrives as a string
  tenant_id: string;
  item: string;
  quantity: number;
  unit_price_cents: number;
  discount_code: string | null;
  status: Order['status'];
  created_by: string;
  created_at: Date;
}

function toOrder(row: OrderRow): Order {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    item: row.item,
    quantity: row.quantity,
    unitPriceCents: row.unit_price_cents,
    discountCode: row.discount_code,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
