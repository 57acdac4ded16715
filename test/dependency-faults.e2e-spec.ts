import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { flush } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';
import { DependencyFaultsModule } from './support/dependency-faults.controller';
import { CARD_NUMBER, deepJsonBody, PATHOLOGICAL_PAYLOADS, type PathologicalKind } from './support/dependency-payloads';
import { leakedForms, secretTagsIn } from './support/scrubbing-envelope';

// Faults in what the module depends on: the user's own hooks, and the scrubber facing payloads
// built to break it. The app keeps serving, and the ingest never sees a secret (raw bytes).
// The profiler addon faults need a fresh process: test/faults/dependency-profiler.e2e-spec.ts.

/**
 * Set DEPENDENCY_FAULTS_FIGURES=1 to print the cost of each pathological case (docs/reliability.md).
 * Figures only, never a verdict: the tests judge what arrives, not how fast.
 */
const printFigures = process.env.DEPENDENCY_FAULTS_FIGURES === '1';

const noSecretIn = (raw: string) => {
  expect(secretTagsIn(raw)).toEqual([]);
  expect(leakedForms(raw, CARD_NUMBER)).toEqual([]);
  expect(leakedForms(raw, CARD_NUMBER.replace(/ /g, ''))).toEqual([]);
};

describe('user hooks that throw (tracing on): the app serves, and nothing unscrubbed leaves', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [
        SentryModule.forRoot({
          dsn: ingest.dsn,
          tracesSampleRate: 1,
          profilesSampleRate: 0,
          beforeSend: (event) => {
            if (event.message?.includes('after the throwing')) throw new Error('user beforeSend exploded');
            return event;
          },
          beforeSendTransaction: () => {
            throw new Error('user beforeSendTransaction exploded');
          },
          beforeBreadcrumb: (crumb) => {
            if (crumb.message === 'user hook explodes here') throw new Error('user beforeBreadcrumb exploded');
            return crumb;
          },
        }),
        DependencyFaultsModule,
      ],
    });
  });
  afterAll(async () => {
    await testApp?.app.close();
    await ingest?.close();
  });

  it('a throwing beforeSendTransaction costs the transaction only: no internal error event, one warning', async () => {
    for (let i = 0; i < 3; i++) await request(testApp.url).get('/faults/span').expect(200).expect({ ok: true });
    await request(testApp.url).post('/faults/payload/cycles').expect(200);
    // The error event of the same app still arrives, scrubbed: the pipeline survived the hook.
    const event = await ingest.waitForEvent((e) => e.tags?.pathological === 'cycles');
    await flush(5_000);
    expect(event.extra?.password).toBe('[Filtered]');
    expect(ingest.transactions.filter((t) => t.transaction?.startsWith('faults span'))).toEqual([]);
    expect(ingest.events.filter((e) => JSON.stringify(e).includes('exploded'))).toEqual([]);
    const warnings = testApp.logger.sentryLines('warn').filter((line) => line.includes('beforeSendTransaction hook threw'));
    expect(warnings).toEqual([expect.stringContaining('user beforeSendTransaction exploded')]);
    noSecretIn(ingest.rawText());
  });

  it('throwing beforeBreadcrumb and beforeSend: the request answers, both items are dropped, later events arrive', async () => {
    for (let i = 0; i < 2; i++) await request(testApp.url).post('/faults/crumb-then-event').expect(200);
    await request(testApp.url).post('/faults/payload/deep-nesting').expect(200);
    const later = await ingest.waitForEvent((e) => e.tags?.pathological === 'deep-nesting');
    expect(JSON.stringify(later.breadcrumbs ?? [])).not.toContain('user hook explodes here');
    expect(ingest.events.filter((e) => e.message?.includes('after the throwing'))).toEqual([]);
    const warned = (hook: string) => testApp.logger.sentryLines('warn').filter((line) => line.includes(`${hook} hook threw`));
    expect(warned('beforeBreadcrumb')).toHaveLength(1);
    expect(warned('beforeSend')).toHaveLength(1);
    noSecretIn(ingest.rawText());
  });
});

describe('pathological payloads through real requests and SentryService', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  const figures: string[] = [];

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), DependencyFaultsModule],
    });
  });
  afterAll(async () => {
    await testApp?.app.close();
    await ingest?.close();
    if (printFigures) process.stdout.write(`\n${figures.join('\n')}\n`);
  });

  /** Runs one request, waits until the app answers again and the event is in; notes the figures. */
  async function sendAndAwaitEvent(kind: string, send: () => Promise<{ body: { buildMs?: number } }>) {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const buildMs = (await send()).body.buildMs ?? 0;
    const answered = performance.now();
    await request(testApp.url).get('/faults/health').expect(200);
    const healthy = performance.now();
    const event = await ingest.waitForEvent((e) => e.tags?.pathological === kind, { timeoutMs: 20_000 });
    const delivered = performance.now();
    const rss = process.memoryUsage().rss;
    figures.push(
      `${kind.padEnd(16)} request ${(answered - started).toFixed(0)} ms (building the payload ${buildMs.toFixed(0)} ms), next request ${(healthy - answered).toFixed(0)} ms, ` +
        `event at ingest ${(delivered - started).toFixed(0)} ms, heap +${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB, ` +
        `rss ${(rss / 2 ** 20).toFixed(0)} MB, envelope ${(ingest.rawBodies.slice(-1)[0]?.length ?? 0) / 1024 | 0} KB`,
    );
    return event;
  }

  it.each(Object.keys(PATHOLOGICAL_PAYLOADS) as PathologicalKind[])('%s: served, sent scrubbed, no secret in the raw bytes', async (kind) => {
    const event = await sendAndAwaitEvent(kind, () => request(testApp.url).post(`/faults/payload/${kind}`).expect(200));
    expect(event.exception?.values?.[0]?.type).toBe('Error');
    noSecretIn(ingest.rawText());
  });

  it('a payload the scrubber cannot read costs its data, and is said once (not once per item)', async () => {
    for (let i = 0; i < 3; i++) await request(testApp.url).post('/faults/payload/hostile-values').expect(200);
    await flush(5_000);
    const said = testApp.logger.sentryLines('warn').filter((line) => line.startsWith('Sentry could not scrub a breadcrumb normally'));
    expect(said).toEqual([expect.stringContaining('nothing unscrubbed is sent')]);
    noSecretIn(ingest.rawText());
  });

  it('a JSON request body nested 10 000 deep: served, sent scrubbed', async () => {
    const event = await sendAndAwaitEvent('request-body', () =>
      request(testApp.url).post('/faults/body').set('content-type', 'application/json').send(deepJsonBody()).expect(500),
    );
    expect(event.exception?.values?.[0]?.value).toBe('pathological request body');
    noSecretIn(ingest.rawText());
  });
});
