import type { Client } from '@sentry/core';

/**
 * Clients whose app asked for Nest log lines as Sentry logs (`enableLogs`). Sentry 11
 * dropped its own `enableLogs` option (logs are always on there), so the choice is kept here.
 */
const clientsSendingLogs = new WeakSet<Client>();

export function setSentryLogsEnabled(client: Client, enabled: boolean): void {
  if (enabled) clientsSendingLogs.add(client);
  else clientsSendingLogs.delete(client);
}

export function sentryLogsEnabled(client: Client): boolean {
  return clientsSendingLogs.has(client);
}
