import type { Client } from '@sentry/core';

/** How many recent captured errors' stacks are remembered: enough for the log line that follows each. */
const REMEMBERED = 200;

const stacks = new Set<string>();
const rememberingClients = new WeakSet<Client>();

/**
 * Remembers the stack of every error the client captures. Nest and its packages often log an
 * error they caught as `(message, stack)` strings rather than the Error itself (the event
 * emitter does, for a failed `@OnEvent` call): `SentryLogger` tells by the stack that the error
 * went out already and keeps the line as a breadcrumb, not a second event.
 */
export function rememberCapturedErrors(client: Client): void {
  // A preloaded client is reused by every SentryModule start: one hook each.
  if (rememberingClients.has(client)) return;
  rememberingClients.add(client);
  client.on('preprocessEvent', (_event, hint) => {
    const error = hint?.originalException;
    if (!(error instanceof Error) || typeof error.stack !== 'string') return;
    stacks.delete(error.stack);
    stacks.add(error.stack);
    if (stacks.size > REMEMBERED) stacks.delete(stacks.values().next().value as string);
  });
}

/** True when `stack` is the stack of an error captured recently. */
export function wasCapturedStack(stack: string | undefined): boolean {
  return stack !== undefined && stacks.has(stack);
}
