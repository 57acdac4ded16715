import { SentryTestIngest } from '@app/sentry/testing';
import { passesLuhn } from '@app/sentry/scrubbing/card-number.util';
import { flush, type Event } from '@sentry/core';
import request from 'supertest';
import type { HttpPlatform, TestApp } from './support/create-test-app';
import { createScrubbingApp } from './support/scrubbing-app';
import { CORPUS_MARKERS, ScrubbingCorpusModule } from './support/scrubbing-corpus.controller';
import { BENIGN, benignOf, countByPlace, plantsOf, SDK_BODY_LIMIT, SENSITIVE, sensitiveOf, type Place } from './support/scrubbing-corpus';
import { appearsIn, leakedForms, secretTagsIn } from './support/scrubbing-envelope';
import { corpusRequests } from './support/scrubbing-requests';

// Light mode (tracesSampleRate 0): spans have their own file, frame variables too.
const ALL_PLACES: readonly Place[] = [
  'header', 'cookie', 'query', 'url', 'jsonBody', 'formBody', 'truncatedBody', 'breadcrumbMessage', 'breadcrumbData',
  'extra', 'context', 'tag', 'user', 'exceptionMessage', 'message', 'logMessage', 'logAttribute', 'metricAttribute', 'spanName', 'spanData',
  'outgoingHttp', 'frameVariable', 'sourceContext',
];

/**
 * The look-alikes issue 17 names, recognised from the text that must survive (not from the row
 * ids), so a row that stopped holding its kind would be noticed.
 */
const LOOK_ALIKE_KINDS: Record<string, (survives: string) => boolean> = {
  auth_method: (text) => /auth_method"/.test(text),
  signature_algorithm: (text) => /signature_algorithm"/.test(text),
  password_policy_version: (text) => /password_policy_version"/.test(text),
  'token_type: "Bearer"': (text) => /"token_type":(?:\{"value":)?"Bearer"/.test(text),
  'numeric id': (text) => /(?<![\w.-])\d{4,}(?![\w.-])/.test(text),
  UUID: (text) => /\b[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b/i.test(text),
  SHA: (text) => /\b[0-9a-f]{40}\b/.test(text),
  'ISO timestamp': (text) => /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(text),
  'non-Luhn 16-digit number': (text) =>
    (text.match(/\d{4}(?:[ +-]?\d{4}){3}/g) ?? []).some((run) => !passesLuhn(run.replace(/\D/g, ''))),
};

describe('the scrubbing corpus', () => {
  it('holds at least 120 sensitive inputs and 50 benign look-alikes (issue 17), over every place', () => {
    expect(SENSITIVE.length).toBeGreaterThanOrEqual(120);
    expect(BENIGN.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(countByPlace(SENSITIVE)).sort()).toEqual([...ALL_PLACES].sort());
  });

  it.each(Object.entries(LOOK_ALIKE_KINDS))('holds look-alikes of kind %s', (_kind, isOfKind) => {
    expect(BENIGN.filter((input) => isOfKind(input.survives)).length).toBeGreaterThan(0);
  });

  it.each(ALL_PLACES.map((place) => [place, countByPlace(SENSITIVE)[place] ?? 0, countByPlace(BENIGN)[place] ?? 0] as const))(
    'covers %s: %i sensitive, %i benign',
    (_place, sensitive) => {
      expect(sensitive).toBeGreaterThan(0);
    },
  );

  it('has unique ids, and secrets no other input contains', () => {
    const ids = [...SENSITIVE, ...BENIGN].map((input) => input.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { secret } of SENSITIVE) {
      const survivors = BENIGN.filter((benign) => benign.survives.includes(secret));
      expect({ secret, survivors }).toEqual({ secret, survivors: [] });
    }
  });
});

describe.each<HttpPlatform>(['express', 'fastify'])('scrubbing end to end, light mode (%s)', (platform) => {
  const sensitive = sensitiveOf('light');
  const benign = benignOf('light');
  const requests = corpusRequests('light');
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let raw: string;
  const arrived: Record<string, Event> = {};

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createScrubbingApp(
      { dsn: ingest.dsn, tracesSampleRate: 0, enableLogs: true },
      { imports: [ScrubbingCorpusModule] },
      platform,
    );
    const post = (kind: 'json' | 'form' | 'truncated') =>
      request(testApp.url).post(`/scrub/request/${kind}${requests.query}`).set(requests.headers);
    await post('json').send(requests.json).expect(500);
    await post('form').type('form').send(requests.form).expect(500);
    await post('truncated').type('json').send(requests.truncated).expect(500);
    await request(testApp.url).post('/scrub/app-side').expect(201);
    const { logs } = (await request(testApp.url).post('/scrub/logs').expect(201)).body as { logs: number };
    const { messages } = (await request(testApp.url).post('/scrub/messages').expect(201)).body as { messages: number };
    for (const { id } of plantsOf('light', 'throw')) await request(testApp.url).get(`/scrub/throw/${id}`).expect(500);
    const paths = plantsOf('light', 'requestPath');
    for (const { plant } of paths) await request(testApp.url).get(`/scrub/path${plant.path}`).expect(500);

    for (const kind of ['json', 'form', 'truncated'] as const) {
      arrived[kind] = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === CORPUS_MARKERS.request(kind));
    }
    arrived.appSide = await ingest.waitForEvent((e) => e.message === CORPUS_MARKERS.appSide);
    for (const { id } of plantsOf('light', 'throw')) {
      arrived[id] = await ingest.waitForEvent((e) => e.request?.url?.endsWith(`/scrub/throw/${id}`) === true);
    }
    const pathEvents = await ingest.waitForEvents(paths.length, (e) => e.exception?.values?.[0]?.value === CORPUS_MARKERS.path);
    pathEvents.forEach((event, index) => (arrived[`path-${index}`] = event));
    const messageText = (e: Event) => e.message ?? e.logentry?.message ?? '';
    const messageEvents = await ingest.waitForEvents(messages, (e) => messageText(e).startsWith(CORPUS_MARKERS.messagePrefix));
    messageEvents.forEach((event, index) => (arrived[`message-${index}`] = event));
    await flush(5_000);
    const corpusLogs = () => ingest.logs.filter((log) => String(log.body).startsWith(CORPUS_MARKERS.logPrefix));
    await ingest.waitForLog(() => corpusLogs().length >= logs);
    await ingest.waitForItem('trace_metric', () => ingest.rawText().includes(CORPUS_MARKERS.metric));
    raw = ingest.rawText();
  });
  afterAll(async () => {
    await testApp?.app.close();
    await ingest?.close();
  });

  it('received every expected event and log', () => {
    const messages = plantsOf('light', 'message').length + plantsOf('light', 'messageParameter').length;
    expect(Object.keys(arrived)).toHaveLength(4 + plantsOf('light', 'throw').length + plantsOf('light', 'requestPath').length + messages);
    expect(raw).toContain(CORPUS_MARKERS.metric);
    const logs = ingest.logs.filter((log) => String(log.body).startsWith(CORPUS_MARKERS.logPrefix));
    expect(logs.length).toBeGreaterThanOrEqual(plantsOf('light', 'nestLog').length + 2);
    expect(raw).toContain('[Filtered]');
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

  it('filters headers and cookies by name, and keeps the harmless ones', () => {
    const { headers, cookies } = arrived.json.request!;
    expect(headers).toMatchObject({ authorization: '[Filtered]', 'x-api-key': '[Filtered]', 'x-request-id': expect.any(String) });
    expect(cookies).toMatchObject({ sessionid: '[Filtered]', 'connect.sid': '[Filtered]', theme: 'solarized-dark' });
  });

  it('drops user.ip_address (set by the SDK from X-Forwarded-For) and keeps what the app set', () => {
    expect(arrived.json.user?.ip_address).toBeUndefined();
    expect(arrived.appSide.user).toMatchObject({ id: 'user-8841', email: 'ada.lovelace@example.com', api_token: '[Filtered]' });
    expect(arrived.appSide.user?.ip_address).toBeUndefined();
  });

  it('scrubs a body the SDK cut so that it no longer parses', () => {
    const data = arrived.truncated.request?.data as string;
    expect(requests.truncated.length).toBeGreaterThan(SDK_BODY_LIMIT);
    expect(typeof data).toBe('string');
    expect(data.endsWith('...')).toBe(true);
    expect(() => JSON.parse(data) as unknown).toThrow();
    expect(data).toContain('"password":"[Filtered]"');
    expect(data).toContain('"api_key":"[Filtered]"');
  });

  it('scrubs a cause chain (linked errors), not only the top exception', () => {
    const values = arrived['exc-cause'].exception?.values?.map((value) => value.value);
    expect(values).toEqual(expect.arrayContaining(['checkout failed', 'gateway said: api_key=[Filtered]']));
  });
});
