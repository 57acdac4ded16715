import type { ExecutionContext } from '@nestjs/common';
import type { SentryPrincipal } from '../sentry.options';
import { firstId, nonEmptyString } from './principal-shape.util';

/**
 * The default `resolveUser`: the principal an auth guard left behind (guards run
 * before interceptors). HTTP: `request.user`, as Passport and most guards set it,
 * on Express and Fastify. WebSocket: `client.data.user`, else `client.user`.
 * RPC has no standard place for it: pass your own `resolveUser` there. Reuse it
 * as a fallback: `resolveUser: (ctx) => fromApiKey(ctx) ?? defaultResolveUser(ctx)`.
 * @publicApi
 */
export function defaultResolveUser(context: ExecutionContext): SentryPrincipal | undefined {
  return principalFromUser(userOf(context));
}

/**
 * Reads the usual shapes of a user object: id from `id` / `sub` / `userId`, tenant
 * from `tenantId` / `tenant_id` / `tenant.id`, `email`, and `username` (or the OIDC
 * `preferred_username`). No id, no principal.
 * @publicApi
 */
export function principalFromUser(user: unknown): SentryPrincipal | undefined {
  if (!user || typeof user !== 'object') return undefined;
  const fields = user as Record<string, unknown>;
  const id = firstId(fields.id, fields.sub, fields.userId);
  if (id === undefined) return undefined;
  const tenant = fields.tenant;
  const tenantObjectId = tenant && typeof tenant === 'object' ? (tenant as Record<string, unknown>).id : undefined;
  return {
    id,
    tenantId: firstId(fields.tenantId, fields.tenant_id, tenantObjectId),
    email: nonEmptyString(fields.email),
    username: nonEmptyString(fields.username) ?? nonEmptyString(fields.preferred_username),
  };
}

function userOf(context: ExecutionContext): unknown {
  const type = context.getType();
  if (type === 'http') return context.switchToHttp().getRequest<{ user?: unknown } | undefined>()?.user;
  if (type === 'ws') {
    const client = context.switchToWs().getClient<{ data?: { user?: unknown }; user?: unknown } | undefined>();
    return client?.data?.user ?? client?.user;
  }
  return undefined;
}
