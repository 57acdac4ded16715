import type { ArgumentsHost } from '@nestjs/common';
import { ExternalExceptionFilter } from '../sdk-bridge/nest/external-exception-filter';
import type { Observable } from 'rxjs';

/*
 * What Nest does with an exception no filter handles, outside HTTP. The base
 * filters are required lazily: an RPC or WebSocket host exists only when its
 * package is installed, and apps without them must not need them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

/** Like `RpcExceptionsHandler`: an error stream with the `RpcException`'s error, else a generic error. */
export function replyAsRpc(exception: unknown, host: ArgumentsHost): Observable<never> {
  const { BaseRpcExceptionFilter } = require('@nestjs/microservices') as typeof import('@nestjs/microservices');
  return new BaseRpcExceptionFilter().catch(exception, host) as Observable<never>;
}

/** Like `WsExceptionsHandler`: emits `exception` to the client, when the client can emit. */
export function replyAsWs(exception: unknown, host: ArgumentsHost): void {
  const client = host.switchToWs().getClient<{ emit?: unknown } | undefined>();
  if (typeof client?.emit !== 'function') return;
  const { BaseWsExceptionFilter } = require('@nestjs/websockets') as typeof import('@nestjs/websockets');
  new BaseWsExceptionFilter().catch(exception, host);
}

/** Like `ExternalExceptionsHandler` (GraphQL and other external contexts): logs and rethrows. */
export function replyAsExternal(exception: unknown, host: ArgumentsHost): never {
  new ExternalExceptionFilter().catch(exception, host);
  throw exception; // not reached: catch() always throws
}
