import type { IncomingMessage } from 'node:http';

/**
 * The principal the guard puts on `request.user`. `SentryModule`'s scope
 * interceptor reads this shape (Passport style): `id` becomes the event's user,
 * `tenantId` the `tenant_id` tag.
 */
export interface DemoUser {
  id: string;
  tenantId: string;
  email: string;
}

/** The HTTP request as the guard leaves it (Node's own type: Express ships no types). */
export type AuthenticatedRequest = IncomingMessage & { user?: DemoUser };
