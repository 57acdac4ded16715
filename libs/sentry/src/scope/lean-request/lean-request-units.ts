import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import { getClient, getCurrentScope, getDefaultCurrentScope, hasSpansEnabled, Scope, withIsolationScope, type Client } from '@sentry/core';
import { dropInherited } from '../clean-scope.util';
import { SDK_FORKED_REQUEST_MARK } from '../../sdk-bridge/sentry/sentry-internals';
import { processWideHook } from '../../sdk/outgoing/process-wide-hook';
import { RequestSessions } from './request-sessions';
import { requestUnitProcessor } from './request-unit.processor';
import { requestTraceDecider, type LeanRequest, type RequestTraceDecider } from './request-trace-decision';

/** On a request this fork takes: the fork to run its `request` event in (the latest module copy's). */
const LEAN_FORK = Symbol.for('nestjs-sentry-tenant:lean-request-fork');
/** On a request this fork takes: its trace (a `LeanRequest`). */
const LEAN_DECISION = Symbol.for('nestjs-sentry-tenant:lean-request-decision');
/** On a request the SDK's fork takes: the draw it was sampled with at its start. */
const PRESAMPLED_RAND = Symbol.for('nestjs-sentry-tenant:presampled-rand');
/** On a server whose `emit` runs marked requests through their fork. */
const LEAN_EMIT = Symbol.for('nestjs-sentry-tenant:lean-request-emit');

type Fork = (request: IncomingMessage, emit: Server['emit'], server: Server, args: unknown[]) => boolean;
type Marked = IncomingMessage & Record<symbol, unknown>;

/**
 * A unit of work per incoming HTTP request without a body, for far less than the SDK's own
 * fork: the SDK's `Http` integration clones the isolation and current scopes, copies the
 * headers into request data, patches the request to read its body, counts a session with a
 * `close` listener, and enters OpenTelemetry's context, on every request (~90 µs of CPU per
 * request on Node 24, most of a bare Nest app's whole cost). Here a request gets two fresh,
 * empty scopes (nothing recorded outside a unit of work is on them: the clean base) and one
 * event processor; request data, transaction name and session outcome are worked out when
 * an event exists. Requests with a body keep the SDK's fork (it captures the body as it
 * streams in); with tracing, so do the requests whose trace is sampled (spans need the SDK's
 * machinery): see request-trace-decision.ts.
 *
 * Marking the request as the SDK's fork marks it (`http.server.request.start` is published
 * before the server emits `request`) makes the SDK's `emit` wrapper let it through.
 */
export function installLeanRequestUnits(client: Client): void {
  const decide = client.getIntegrationByName('Http') ? requestTraceDecider(client) : undefined;
  if (!decide) {
    processWideHook('lean-request-start', () => undefined, subscribe);
    return;
  }
  const sessions = sessionsOf(client);
  const streamed = client.getOptions().traceLifecycle === 'stream';
  const fork: Fork = (request, emit, server, args) => {
    let isolation: Scope;
    try {
      const decision = (request as Marked)[LEAN_DECISION] as LeanRequest;
      isolation = new Scope();
      isolation.setClient(client);
      isolation.addEventProcessor(requestUnitProcessor(request, client, sessions, sessions.start()));
      if (decision.propagationContext) isolation.setPropagationContext({ ...isolation.getPropagationContext(), ...decision.propagationContext });
      // The SDK's fork would have drawn this request's root span and dropped it: its client report says so.
      if (decision.unsampled) recordUnsampledRequest(client, streamed);
    } catch {
      return emit.apply(server, args as Parameters<Server['emit']>); // fail-open: served without a unit of its own
    }
    return withIsolationScope(isolation, () => {
      // The current scope was cloned for this request: it takes the request's trace, and drops
      // what it inherited from the base, as the SDK's forks do (clean-request-scopes.ts).
      const current = getCurrentScope();
      current.setPropagationContext(isolation.getPropagationContext());
      dropInherited(current, getDefaultCurrentScope());
      return emit.apply(server, args as Parameters<Server['emit']>);
    });
  };
  if (hasSpansEnabled(client.getOptions())) sampleWithTheDrawMadeAtStart(client);
  processWideHook('lean-request-start', (message: unknown) => onRequestStart(message as RequestStart, client, decide, fork), subscribe);
}

function recordUnsampledRequest(client: Client, streamed: boolean): void {
  if (!streamed) client.recordDroppedEvent('sample_rate', 'transaction');
  client.recordDroppedEvent('sample_rate', 'span');
}

/**
 * A sampled request's SDK fork draws its own `sample_rand` (a request without an incoming
 * trace): it takes the one the request was sampled with here instead, so it samples the same
 * way and its trace carries the draw that chose it. `httpServerRequest` is emitted in the
 * request's new scopes, before its root span is started. Once per client.
 */
const presampledClients = new WeakSet<Client>();
function sampleWithTheDrawMadeAtStart(client: Client): void {
  if (presampledClients.has(client)) return;
  presampledClients.add(client);
  client.on('httpServerRequest', (request) => {
    const sampleRand = (request as Marked)[PRESAMPLED_RAND];
    if (typeof sampleRand !== 'number') return;
    const scope = getCurrentScope();
    const { dsc, ...propagation } = scope.getPropagationContext();
    // A continued trace's DSC was frozen with the SDK's draw: it carries this one too.
    scope.setPropagationContext({ ...propagation, sampleRand, ...(dsc ? { dsc: { ...dsc, sample_rand: String(sampleRand) } } : {}) });
  });
}

/** One release-health counter per client: a preloaded client is reused by every SentryModule start. */
const sessionsByClient = new WeakMap<Client, RequestSessions>();
function sessionsOf(client: Client): RequestSessions {
  let sessions = sessionsByClient.get(client);
  if (!sessions) sessionsByClient.set(client, (sessions = new RequestSessions(client)));
  return sessions;
}

interface RequestStart {
  request: Marked;
  server: Server & Record<symbol, unknown>;
}

function onRequestStart({ request, server }: RequestStart, client: Client, decide: RequestTraceDecider, fork: Fork): void {
  if (getClient() !== client || request[SDK_FORKED_REQUEST_MARK] === true || hasBody(request)) return;
  const decision = decide(request);
  if (!decision.lean) {
    if (decision.sampleRand !== undefined) request[PRESAMPLED_RAND] = decision.sampleRand;
    return;
  }
  request[SDK_FORKED_REQUEST_MARK] = true;
  request[LEAN_FORK] = fork;
  request[LEAN_DECISION] = decision;
  if (server[LEAN_EMIT] !== true) runMarkedRequestsInTheirFork(server);
}

function runMarkedRequestsInTheirFork(server: Server & Record<symbol, unknown>): void {
  server[LEAN_EMIT] = true;
  const emit = server.emit;
  server.emit = function leanRequestEmit(this: Server, event: string | symbol): boolean {
    // `arguments`, not rest parameters: every event of the server passes here, and most are not requests.
    // eslint-disable-next-line prefer-rest-params
    const args = arguments as unknown as unknown[];
    const fork = event === 'request' ? ((args[1] as Marked | undefined)?.[LEAN_FORK] as Fork | undefined) : undefined;
    if (fork === undefined) return emit.apply(this, args as Parameters<Server['emit']>);
    return fork(args[1] as IncomingMessage, emit, this, args);
  } as Server['emit'];
}

function subscribe(call: (message: unknown) => void): void {
  diagnosticsChannel.subscribe('http.server.request.start', call);
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}
