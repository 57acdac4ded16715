import { getCurrentScope, getDefaultCurrentScope, getDefaultIsolationScope, getIsolationScope, type Client } from '@sentry/core';
import { dropInherited } from './clean-scope.util';

const cleanedClients = new WeakSet<Client>();

/**
 * The SDK forks each HTTP request's isolation scope by cloning the process-wide
 * default one, so boot log lines, top-level breadcrumbs, user and tags would ride
 * on every request. `httpServerRequest` is emitted inside that fresh fork, before
 * the app sees the request: drop what the fork inherited there. The default scope
 * itself keeps it all, for events raised outside any unit of work.
 */
export function keepRequestScopesClean(client: Client): void {
  if (cleanedClients.has(client)) return;
  cleanedClients.add(client);
  client.on('httpServerRequest', () => {
    try {
      dropInherited(getIsolationScope(), getDefaultIsolationScope());
      dropInherited(getCurrentScope(), getDefaultCurrentScope());
    } catch {
      // Fail-open: a request never fails because its scope could not be cleaned.
    }
  });
}
