import type { ArgumentsHost } from '@nestjs/common';
import type { Scope } from '@sentry/core';
import { MESSAGE_CONTEXT } from './exception-filter.constants';

type PatternSource = Partial<Record<'getPattern' | 'getSubject' | 'getTopic' | 'getChannel', () => unknown>>;

/**
 * RPC and WebSocket events are named after the message pattern (`{"cmd":"sum"}`,
 * `orders.create`) - the route of a message - and carry it in a `nestjs` context.
 */
export function applyMessageContext(scope: Scope, host: ArgumentsHost): void {
  const type = host.getType();
  const pattern = type === 'ws' ? wsPattern(host) : rpcPattern(host);
  scope.setContext(MESSAGE_CONTEXT, { context: type, ...(pattern ? { pattern } : {}) });
  if (pattern) scope.setTransactionName(pattern);
}

function wsPattern(host: ArgumentsHost): string | undefined {
  const ws = host.switchToWs() as Partial<PatternSource>;
  return typeof ws.getPattern === 'function' ? asText(ws.getPattern()) : undefined;
}

/** Each transport names it differently: TCP/RMQ pattern, NATS subject, Kafka/MQTT topic, Redis channel. */
function rpcPattern(host: ArgumentsHost): string | undefined {
  const context = host.switchToRpc().getContext<PatternSource | undefined>();
  for (const getter of ['getPattern', 'getSubject', 'getTopic', 'getChannel'] as const) {
    const read = context?.[getter];
    if (typeof read === 'function') return asText(read.call(context));
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
