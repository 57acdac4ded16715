import type { Pool } from 'pg';

/**
 * The demo's schema, applied at every start (idempotent). A real app would use
 * migrations; `order_stats` is deliberately never created, so `GET /orders/stats`
 * fails the way a missing migration does.
 */
const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS orders (
    id               BIGSERIAL PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    item             TEXT        NOT NULL,
    quantity         INTEGER     NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER     NOT NULL CHECK (unit_price_cents >= 0),
    discount_code    TEXT,
    status           TEXT        NOT NULL DEFAULT 'open',
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS orders_tenant_id_idx ON orders (tenant_id, id);
`;

export async function applySchema(pool: Pool): Promise<void> {
  await pool.query(SCHEMA_SQL);
}
