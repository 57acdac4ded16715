import type { DemoUser } from './demo-user.interface';

/**
 * Demo credentials: one user per tenant. Each key works as `x-api-key: <key>`
 * or `Authorization: Bearer <key>`. A real app would keep hashed keys in its
 * database; an in-memory table keeps the demo self-contained.
 */
export const DEMO_CREDENTIALS: ReadonlyMap<string, DemoUser> = new Map([
  ['demo_acme_9f3c1b7e5d', { id: 'user_alice', tenantId: 'acme', email: 'alice@acme.example' }],
  ['demo_globex_4a8e2c6f1b', { id: 'user_hank', tenantId: 'globex', email: 'hank@globex.example' }],
  ['demo_initech_7d2b9e4c3a', { id: 'user_peter', tenantId: 'initech', email: 'peter@initech.example' }],
]);

/** The key the cheat sheet uses for each tenant. */
export function demoKeyFor(tenantId: string): string {
  for (const [key, user] of DEMO_CREDENTIALS) if (user.tenantId === tenantId) return key;
  throw new Error(`No demo credential for tenant ${tenantId}`);
}
