import * as diagnosticsChannel from 'node:diagnostics_channel';
import { errorMonitor, type EventEmitter } from 'node:events';
import { Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import { getHttpClientSubscriptions, HTTP_ON_CLIENT_REQUEST } from '@sentry/core';
import { processWideHook } from './process-wide-hook';
import { captureSentryContext, type RunInContext } from './sentry-async-context';

/** Node 22.12+ / 23.2+ publish `http.client.request.created`, in the caller's context, before the headers go out. */
const NODE_PUBLISHES_CREATED = (() => {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return (major === 22 && minor >= 12) || (major === 23 && minor >= 2) || major >= 24;
})();

/** The async context each outgoing request was made in (older Node, see `rememberCallerContexts`). */
const callerContexts = new WeakMap<ClientRequest, RunInContext>();

/**
 * The outgoing half of the SDK's `Http` integration, with the SDK's own code: a
 * breadcrumb per outgoing request, an `http.client` span when tracing, and trace
 * headers on it. Every event of the request and its response runs in the caller's
 * async context, so the breadcrumb and span land on the request that made the call.
 */
export function subscribeOutgoingRequests(spans: boolean): void {
  // Older Node only publishes `http.client.request.start`, once the headers are out: no trace headers there.
  const propagate = NODE_PUBLISHES_CREATED;
  // Two passes of the SDK's code: its span pass runs the response's listeners in a
  // copy of the isolation scope (light mode), where a breadcrumb would be lost.
  const spanPass = spans ? subscription({ breadcrumbs: false, propagateTrace: propagate, spans: true }) : undefined;
  const breadcrumbPass = subscription({ breadcrumbs: true, propagateTrace: propagate && !spans, spans: false });
  if (!NODE_PUBLISHES_CREATED) rememberCallerContexts();
  const channel = NODE_PUBLISHES_CREATED ? HTTP_ON_CLIENT_REQUEST : 'http.client.request.start';
  const onRequest = (message: unknown, name: string | symbol): void => {
    const request = (message as { request: ClientRequest }).request;
    const runInCaller = callerContexts.get(request) ?? captureSentryContext();
    // Each pass prepends its 'response' listener: the last one subscribed runs first.
    runInCaller(() => {
      spanPass?.(message, name);
      breadcrumbPass(message, name);
    });
    emitWith(request, runInCaller);
    request.prependListener('response', (response: IncomingMessage) => emitWith(response, runInCaller));
  };
  processWideHook('http-client-request', onRequest, (call) => diagnosticsChannel.subscribe(channel, call));
}

function subscription(options: { breadcrumbs: boolean; propagateTrace: boolean; spans: boolean }) {
  return getHttpClientSubscriptions({ ...options, errorMonitor })[HTTP_ON_CLIENT_REQUEST];
}

/**
 * `http.client.request.start` fires when a socket is assigned, and a reused
 * keep-alive socket is assigned in the context of the request that freed it:
 * another request's scope. `Agent#addRequest` runs inside the caller's
 * `http.request()`, so the caller's context is taken there.
 */
function rememberCallerContexts(): void {
  const remember = (request: ClientRequest): void => void callerContexts.set(request, captureSentryContext());
  processWideHook('http-agent-add-request', remember, (call) => {
    const prototype = Agent.prototype as unknown as { addRequest: (this: Agent, request: ClientRequest, ...rest: unknown[]) => void };
    const addRequest = prototype.addRequest;
    prototype.addRequest = function (this: Agent, request: ClientRequest, ...rest: unknown[]) {
      call(request);
      return addRequest.call(this, request, ...rest);
    };
  });
}

function emitWith(emitter: EventEmitter, run: RunInContext): void {
  const emit = emitter.emit;
  emitter.emit = function (this: EventEmitter, ...args: Parameters<EventEmitter['emit']>) {
    return run(() => emit.apply(this, args));
  };
}
