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
 * Kept on the objects themselves (symbol properties), not in WeakMaps: a WeakMap entry
 * whose key is a request keeps its value alive through every minor GC, so each request's
 * scope, request and response lived on into the old generation (bench: GC went from 2% to
 * 15% of a JSON route's CPU). A frozen key (a WebSocket payload) falls back to a WeakMap.
 */
const SCOPE_OF = Symbol('nestjs-sentry-tenant:request-scope');
const OWNER_OF = Symbol('nestjs-sentry-tenant:scope-owner');
const scopeOfFrozen = new WeakMap<object, Scope>();

type Holder = Record<symbol, unknown>;

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
  if (key) {
    if (Object.isExtensible(key)) (key as Holder)[SCOPE_OF] = scope;
    else scopeOfFrozen.set(key, scope);
  }
  (scope as unknown as Holder)[OWNER_OF] = key ?? scope;
}

/** The request or message `scope` was given to, if any. */
export function ownerOf(scope: Scope): object | undefined {
  return (scope as unknown as Holder)[OWNER_OF] as object | undefined;
}

/** True when `scope` was already given to a request or message other than `key`. */
export function isClaimedByAnother(scope: Scope, key: object | undefined): boolean {
  const owner = ownerOf(scope);
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
  if (key) return ((key as Holder)[SCOPE_OF] as Scope | undefined) ?? scopeOfFrozen.get(key);
  const current = getIsolationScope();
  return ownerOf(current) !== undefined ? current : undefined;
}

function asObject(value: unknown): object | undefined {
  return value !== null && typeof value === 'object' ? value : undefined;
}
