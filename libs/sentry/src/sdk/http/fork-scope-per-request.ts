import { errorMonitor } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { continueTrace, getClient, getHttpServerSubscriptions, HTTP_ON_SERVER_REQUEST, withIsolationScope, type Scope } from '@sentry/core';
import { SDK_FORKED_REQUEST_MARK } from '../../scope/scope.constants';
import { sampledByRate, samplerDecides, traceRequest } from './trace-request';

type MarkedRequest = IncomingMessage & { [SDK_FORKED_REQUEST_MARK]?: boolean };
type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * The SDK's own per-request work, as its light `Http` integration configures it,
 * plus the `http.server` span (the transaction) when tracing.
 */
function sdkServerSubscription(spans: boolean) {
  return getHttpServerSubscriptions({ sessions: false, maxRequestBodySize: 'medium', spans, errorMonitor })[HTTP_ON_SERVER_REQUEST];
}

/** The request each lean-forked isolation scope belongs to: read only when an event is built. */
const requestByScope = new WeakMap<Scope, IncomingMessage>();
const ourEmitByServer = new WeakMap<Server, Emit>();

export function requestOfScope(scope: Scope): IncomingMessage | undefined {
  return requestByScope.get(scope);
}

/**
 * Runs each incoming request in its own isolation scope, as the SDK's Http
 * integration does. A request with a body, one that continues a trace while
 * tracing, or any request under a `tracesSampler`, goes through the SDK's own code
 * (it watches the body stream in, and decides sampling). Any other request skips
 * the work done whether or not it ever reports anything (copying headers and URL,
 * patching the stream, three extra trace ids): its request data is read
 * when an event is built (see `requestOfScope`), and when tracing, the sampling
 * draw is made first: only a sampled request pays for its transaction.
 * Called on `http.server.request.start`, which Node publishes just before
 * `server.emit('request')`, so the first request is covered too.
 */
export function forkScopePerRequest(server: Server, spans: boolean): void {
  // Re-wrap if something replaced our emit (Nest has been seen copying emit functions).
  if (ourEmitByServer.get(server) === server.emit) return;
  const original = server.emit as Emit;
  const withSdkWork = sdkWrapped(original, spans);
  const emit: Emit = function (this: Server, event, ...args) {
    const request = args[0] as MarkedRequest | undefined;
    if (event !== 'request' || !request || request[SDK_FORKED_REQUEST_MARK] || !getClient()) {
      return original.call(this, event, ...args);
    }
    const sentryTrace = firstHeader(request, 'sentry-trace');
    // A continued trace or a sampler function: the SDK decides; a body: the SDK must watch it stream in.
    if (hasBody(request) || (spans && (sentryTrace || samplerDecides()))) return withSdkWork.call(this, event, ...args);
    request[SDK_FORKED_REQUEST_MARK] = true;
    const handle = () => original.call(this, event, ...args);
    // The one-argument form forks both scopes and starts a fresh trace.
    return withIsolationScope((isolationScope) => {
      requestByScope.set(isolationScope, request);
      if (spans) return sampledByRate() ? traceRequest(request, args[1] as ServerResponse, handle) : handle();
      return sentryTrace ? continueTrace({ sentryTrace, baggage: firstHeader(request, 'baggage') }, handle) : handle();
    });
  };
  ourEmitByServer.set(server, emit);
  server.emit = emit as Server['emit'];
}

/** The SDK wraps `emit` on the object it is given: give it a holder, not the server. */
function sdkWrapped(original: Emit, spans: boolean): Emit {
  const holder = { emit: original };
  sdkServerSubscription(spans)({ server: holder }, HTTP_ON_SERVER_REQUEST);
  return holder.emit;
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
