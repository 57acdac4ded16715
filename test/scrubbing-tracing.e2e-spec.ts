import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { startChildApp, type ChildApp } from './support/child-app';
import type { HttpPlatform } from './support/create-test-app';
import { benignOf, plantsOf, sensitiveOf } from './support/scrubbing-corpus';
import { appearsIn, leakedForms, secretTagsIn } from './support/scrubbing-envelope';
import { TRACED_JOB_OP, TRACED_MARKER } from './support/scrubbing-traced.controller';

// Tracing mode (@sentry/nestjs, OpenTelemetry) in its own file, and the app in its own process:
// OpenTelemetry's process-wide subscriptions outlive a Jest file (see scrubbing-tracing.main.ts).
describe.each<HttpPlatform>(['express', 'fastify'])('scrubbing end to end, tracing mode (%s)', (platform) => {
  const sensitive = sensitiveOf('tracing');
  const benign = benignOf('tracing');
  let ingest: SentryTestIngest;
  let app: ChildApp;
  let echo: Server;
  let raw: string;
  let transaction: Event;
  let rootTransaction: Event;
  let message: Event;
  let inviteTransaction: Event;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    echo = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    app = await startChildApp('test/support/scrubbing-tracing.main.ts', { SCRUB_DSN: ingest.dsn, SCRUB_PLATFORM: platform });
    const incoming = new URLSearchParams([
      ...plantsOf('tracing', 'incomingQuery').map(({ plant }): [string, string] => [plant.name, plant.value]),
      ['echo', echoUrl],
    ]);
    // Headers of the incoming request: the SDK copies some into its server span (client.address from X-Forwarded-For).
    const headers = Object.fromEntries(plantsOf('tracing', 'incomingHeader').map(({ plant }) => [plant.name, plant.value]));
    await request(app.url).get(`/scrub-traced/work?${incoming.toString()}`).set(headers).expect(200);
    await request(app.url).post('/scrub-traced/job').expect(201);
    const inviteTokens = [...new Set(plantsOf('tracing', 'incomingPath').map(({ plant }) => plant.token))];
    for (const token of inviteTokens) await request(app.url).get(`/scrub-traced/invite/${token}`).expect(200);

    message = await ingest.waitForEvent((e) => e.message === TRACED_MARKER);
    transaction = await ingest.waitForTransaction((t) => t.transaction?.includes('/scrub-traced/work') === true);
    rootTransaction = await ingest.waitForTransaction((t) => t.contexts?.trace?.op === TRACED_JOB_OP);
    inviteTransaction = await ingest.waitForTransaction((t) => t.transaction?.includes('/scrub-traced/invite/') === true);
    raw = ingest.rawText();
  });
  afterAll(async () => {
    await app?.stop();
    await ingest?.close();
    await new Promise((resolve) => echo?.close(resolve));
  });

  it('received the transaction with the corpus span, the standalone transaction and the message', () => {
    expect(transaction.spans?.some((span) => span.op === 'scrub.corpus')).toBe(true);
    // Every outgoing call was traced and left a breadcrumb, so its query had a way out.
    const outgoing = plantsOf('tracing', 'outgoingHttp').length;
    expect(transaction.spans?.filter((span) => span.op === 'http.client').length).toBeGreaterThanOrEqual(outgoing);
    expect(message.breadcrumbs?.filter((crumb) => crumb.category === 'http' && (crumb.data?.['url.query'] ?? crumb.data?.['http.query'])).length).toBeGreaterThanOrEqual(outgoing);
    expect(rootTransaction).toBeDefined();
    expect(message.contexts?.trace?.trace_id).toBe(transaction.contexts?.trace?.trace_id);
    expect(raw).toContain('[Filtered]');
  });

  it('names the transaction of a path with a credential by its route, and filters the token in its URL', () => {
    expect(inviteTransaction.transaction).toBe('GET /scrub-traced/invite/:token');
    expect(inviteTransaction.request?.url).toMatch(/\/scrub-traced\/invite\/\[Filtered\]$/);
    // The span data names the path too (url, target): filtered there, the route template kept.
    const paths = Object.values(inviteTransaction.contexts?.trace?.data ?? {}).filter(
      (value): value is string => typeof value === 'string' && value.includes('/scrub-traced/invite/'),
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/\/scrub-traced\/invite\/(\[Filtered\]|:token)(\?|$)/);
  });

  it('scrubs the root span name in the envelope header (dynamic sampling context) too', () => {
    const header = ingest.envelopes.find((envelope) => envelope.items.some((item) => item.payload === rootTransaction))?.headers;
    expect(header?.trace).toMatchObject({ transaction: rootTransaction.transaction });
    expect(rootTransaction.transaction).toContain('[Filtered]');
  });

  it.each(sensitive.map((input) => [input.id, input] as const))('never sends %s', (_id, input) => {
    expect(leakedForms(raw, input.secret)).toEqual([]);
    if (input.shows !== undefined) expect({ id: input.id, shows: appearsIn(raw, input.shows) }).toEqual({ id: input.id, shows: true });
  });

  it('sends no piece of any tagged secret anywhere', () => {
    expect(secretTagsIn(raw)).toEqual([]);
  });

  it.each(benign.map((input) => [input.id, input] as const))('keeps %s readable', (_id, input) => {
    expect({ id: input.id, survives: appearsIn(raw, input.survives) }).toEqual({ id: input.id, survives: true });
  });
});
