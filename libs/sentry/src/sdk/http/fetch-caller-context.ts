import { AsyncLocalStorage } from 'node:async_hooks';
import * as diagnosticsChannel from 'node:diagnostics_channel';
import type { RunInContext } from './sentry-async-context';

const callerContexts = new WeakMap<object, RunInContext>();
let installed = false;

/**
 * undici (Node's `fetch`) publishes a response on the connection's async
 * context: on a reused keep-alive connection, that of another request. The SDK's
 * `NodeFetch` integration adds its breadcrumb there, on that other request's
 * scope (another tenant's error, possibly). Every subscriber of the response
 * channels is made to run in the context the request was created in.
 */
export function runFetchResponsesInCallerContext(): void {
  if (installed) return;
  installed = true;
  diagnosticsChannel.subscribe('undici:request:create', (message) => {
    // The whole async context, not only the SDK's store: undici's own state rides in it too.
    callerContexts.set((message as { request: object }).request, AsyncLocalStorage.snapshot() as RunInContext);
  });
  for (const name of ['undici:request:headers', 'undici:request:trailers', 'undici:request:error']) {
    const channel = diagnosticsChannel.channel(name);
    // Looked up per call: Node swaps a channel's prototype when it gains or loses subscribers.
    const publish = (message: unknown) => (Object.getPrototypeOf(channel) as diagnosticsChannel.Channel).publish.call(channel, message);
    channel.publish = (message: unknown) => {
      const run = callerContexts.get((message as { request?: object } | undefined)?.request ?? {});
      return run ? run(() => publish(message)) : publish(message);
    };
  }
}
