import { AsyncLocalStorage } from 'node:async_hooks';
import * as diagnosticsChannel from 'node:diagnostics_channel';
import { processWideHook } from './process-wide-hook';

/** Runs a function in an async context taken earlier. */
type RunInContext = <R>(fn: () => R) => R;

const callerContexts = new WeakMap<object, RunInContext>();

/**
 * undici (Node's `fetch`) publishes a response on the connection's async
 * context: on a reused keep-alive connection, that of another request. The SDK's
 * `NodeFetch` integration adds its breadcrumb there, on that other request's
 * scope (another tenant's error, possibly). Every subscriber of the response
 * channels is made to run in the context the request was created in.
 */
export function runFetchResponsesInCallerContext(): void {
  // The whole async context, not only the SDK's store: undici's own state rides in it too.
  const remember = (message: unknown): void =>
    void callerContexts.set((message as { request: object }).request, AsyncLocalStorage.snapshot() as RunInContext);
  processWideHook('undici-request-create', remember, (call) => diagnosticsChannel.subscribe('undici:request:create', call));

  const publishInCaller = (message: unknown, publish: (message: unknown) => void): void => {
    const run = callerContexts.get((message as { request?: object } | undefined)?.request ?? {});
    return run ? run(() => publish(message)) : publish(message);
  };
  processWideHook('undici-response-publish', publishInCaller, (call) => {
    for (const name of ['undici:request:headers', 'undici:request:trailers', 'undici:request:error']) {
      const channel = diagnosticsChannel.channel(name);
      // Looked up per call: Node swaps a channel's prototype when it gains or loses subscribers.
      const publish = (message: unknown) => (Object.getPrototypeOf(channel) as diagnosticsChannel.Channel).publish.call(channel, message);
      channel.publish = (message: unknown) => call(message, publish);
    }
  });
}
