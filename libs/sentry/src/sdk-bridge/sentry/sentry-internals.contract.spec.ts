import diagnosticsChannel from 'node:diagnostics_channel';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { SENTRY_SEGMENT_NAME_SOURCE } from '@sentry/conventions/attributes';
import { captureException, createEnvelope, createTransport, getClient, getIsolationScope, withStaticSpan, type Client, type Event } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { SentryTestIngest } from '../../testing';
import { attachRequestToEvent, isAlreadyCaptured, isStaticSpanCallback, SDK_FORKED_REQUEST_MARK, SDK_TRANSPORT_BUFFER_SIZE, SEGMENT_NAME_SOURCE_ATTRIBUTE } from './sentry-internals';

/** Each Sentry SDK detail the module relies on, checked against the installed SDK: a failure names it. */
describe('sdk-bridge contract: Sentry internals', () => {
  let ingest: SentryTestIngest;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    Sentry.init({ dsn: ingest.dsn, defaultIntegrations: false, integrations: [Sentry.httpIntegration({ spans: false }), Sentry.requestDataIntegration()] });
  });
  afterAll(async () => {
    await getClient()?.close(2000);
    await ingest.close();
  });

  it('touchpoint SEGMENT_NAME_SOURCE_ATTRIBUTE equals @sentry/conventions SENTRY_SEGMENT_NAME_SOURCE', () => {
    expect(SEGMENT_NAME_SOURCE_ATTRIBUTE).toBe(SENTRY_SEGMENT_NAME_SOURCE);
  });

  it('touchpoint isAlreadyCaptured: true once the SDK captured an error, not before', () => {
    const error = new Error('contract: captured mark');
    expect(isAlreadyCaptured(error)).toBeFalsy();
    captureException(error);
    expect(isAlreadyCaptured(error)).toBe(true);
  });

  it('touchpoint SDK_FORKED_REQUEST_MARK: the SDK still marks each incoming request it forked a scope for', async () => {
    let marked: unknown;
    const server = createServer((request: IncomingMessage, response) => {
      marked = (request as unknown as Record<symbol, unknown>)[SDK_FORKED_REQUEST_MARK];
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve, reject) => httpRequest({ port, host: '127.0.0.1' }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
    await new Promise((resolve) => server.close(resolve));
    expect(marked).toBe(true);
  });

  it('touchpoint SDK_TRANSPORT_BUFFER_SIZE: a default transport holds that many envelopes, and drops the next as queue_overflow', async () => {
    const dropped: string[] = [];
    const transport = createTransport(
      { recordDroppedEvent: (reason: string) => void dropped.push(reason) } as never,
      () => new Promise(() => undefined), // an ingest that never answers: every send stays in the buffer
    );
    const envelope = () => createEnvelope({}, [[{ type: 'event' }, { event_id: 'x' }]] as never);
    for (let sent = 0; sent < SDK_TRANSPORT_BUFFER_SIZE; sent++) void transport.send(envelope());
    expect(dropped).toEqual([]);
    await transport.send(envelope());
    expect(dropped).toEqual(['queue_overflow']);
  });

  it('touchpoint isStaticSpanCallback: tells a withStaticSpan-wrapped beforeSendSpan from a streamed one', () => {
    expect(isStaticSpanCallback(withStaticSpan((span) => span))).toBe(true);
    expect(isStaticSpanCallback((span: unknown) => span)).toBe(false);
  });

  it('touchpoint SDK_FORKED_REQUEST_MARK (set): a request marked before the server emits it is let through unforked', async () => {
    let scopeInHandler: unknown;
    const server = createServer((_request, response) => {
      scopeInHandler = getIsolationScope();
      response.end('ok');
    });
    // Node publishes `http.server.request.start` before it emits `request`: the module's lean fork marks it there.
    const mark = ({ request }: { request: Record<symbol, unknown> }) => void (request[SDK_FORKED_REQUEST_MARK] = true);
    diagnosticsChannel.subscribe('http.server.request.start', mark as (message: unknown) => void);
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      await new Promise<void>((resolve, reject) => httpRequest({ port, host: '127.0.0.1' }, (res) => res.resume().on('end', resolve)).on('error', reject).end());
    } finally {
      diagnosticsChannel.unsubscribe('http.server.request.start', mark as (message: unknown) => void);
      await new Promise((resolve) => server.close(resolve));
    }
    expect(scopeInHandler).toBe(getIsolationScope());
  });

  it('touchpoint attachRequestToEvent: RequestData turns sdkProcessingMetadata.normalizedRequest into the event request', () => {
    const event: Event = { message: 'contract: request data' };
    const normalizedRequest = { url: 'http://api.test/orders/7?page=2', method: 'GET', query_string: 'page=2', headers: { 'x-request-id': 'r-7' } };
    attachRequestToEvent(event, normalizedRequest, {}, getClient() as Client);
    expect(event.request).toMatchObject({ url: 'http://api.test/orders/7?page=2', method: 'GET', query_string: 'page=2', headers: { 'x-request-id': 'r-7' } });
  });
});
