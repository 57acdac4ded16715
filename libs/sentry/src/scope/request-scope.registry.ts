import type { ArgumentsHost } from '@nestjs/common';
import { getIsolationScope, type Scope } from '@sentry/core';

/**
 * Which isolation scope the scope interceptor gave each request, RPC message and
 * WebSocket message. Keyed by an object that Nest hands, identical, both to the
 * interceptor's ExecutionContext and to the ArgumentsHost an exception filter gets
 * (the arg arrays themselves are rebuilt in between, their items are not):
 * - http: the request object (Express `req`, Fastify `FastifyRequest`), argument 0;
 * - rpc: the transport context (`TcpContext`, `RedisContext`, gRPC metadata...), argument 1, else the data;
 * - ws: the message data when it is an object, else the ack callback when there is one.
 * WeakMaps: entries go away with their request and its scope.
 */
const scopeByKey = new WeakMap<object, Scope>();
const keyByScope = new WeakMap<Scope, object>();

/** The object that identifies one request or message, when there is one. */
export function requestKeyOf(host: ArgumentsHost): object | undefined {
  switch (host.getType()) {
    case 'http':
      return asObject(host.getArgByIndex(0));
    case 'rpc':
      return asObject(host.getArgByIndex(1)) ?? asObject(host.getArgByIndex(0));
    case 'ws': {
      const ack: unknown = host.getArgByIndex(2);
      return asObject(host.getArgByIndex(1)) ?? (typeof ack === 'function' ? ack : undefined);
    }
    default:
      return undefined;
  }
}

/** Records `scope` as the one of this request or message (called by the interceptor). */
export function registerRequestScope(key: object | undefined, scope: Scope): void {
  if (key) scopeByKey.set(key, scope);
  keyByScope.set(scope, key ?? scope);
}

/** The request or message `scope` was given to, if any. */
export function ownerOf(scope: Scope): object | undefined {
  return keyByScope.get(scope);
}

/** True when `scope` was already given to a request or message other than `key`. */
export function isClaimedByAnother(scope: Scope, key: object | undefined): boolean {
  const owner = keyByScope.get(scope);
  return owner !== undefined && owner !== key;
}

/**
 * CONTRACT with exception filters: the isolation scope the scope interceptor gave
 * the request / RPC message / WebSocket message `host` belongs to, or undefined
 * when none was recorded (interceptor off or never reached, e.g. a guard threw, or
 * Sentry disabled). Capture inside it so the event carries that request's user,
 * tenant, tags and breadcrumbs, whatever async context the filter runs in:
 *
 * ```ts
 * withIsolationScope(getRequestIsolationScope(host), () => captureException(exception));
 * ```
 * (`withIsolationScope(undefined, cb)` forks the current scope, so no branch is needed.)
 *
 * Found by the request key (see `requestKeyOf`). A message with no key object (a
 * WebSocket message with a primitive payload and no ack) falls back to the current
 * isolation scope when the interceptor gave that one to a message: filters run in
 * the handler's async chain.
 * @publicApi
 */
export function getRequestIsolationScope(host: ArgumentsHost): Scope | undefined {
  const key = requestKeyOf(host);
  if (key) return scopeByKey.get(key);
  const current = getIsolationScope();
  return keyByScope.has(current) ? current : undefined;
}

function asObject(value: unknown): object | undefined {
  return value !== null && typeof value === 'object' ? value : undefined;
}
