import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import type { HttpPlatform, TestApp } from './support/create-test-app';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { FilterOrdersModule } from './support/filter-orders.controller';
import { createFilterTestApp } from './support/filter-test-app';

// Errors-only (rate 0): the light SDK. Route-pattern naming in tracing mode has its own file.
describe.each<HttpPlatform>(['express', 'fastify'])('SentryExceptionFilter over HTTP (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createFilterTestApp(
      { imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), FilterOrdersModule] },
      platform,
      (app) => app.setGlobalPrefix('api'),
    );
  });
  afterAll(async () => {
    await testApp?.app.close();
    await ingest.close();
  });

  const get = (path: string) => request(testApp.url).get(`/api/orders/${path}`);
  const later = () => waitForLaterMarker(ingest, (m) => request(testApp.url).post('/api/orders/marker').send({ m }).expect(201));
  const waitForMarked = (marker: string) => ingest.waitForEvent((event) => eventsWith(ingest, marker).includes(event));

  it('captures an unknown error once, unhandled, and answers 500 as Nest does', async () => {
    const marker = newMarker('unknown');
    const response = await get(`42?m=${marker}`).set('x-request-tag', marker).expect(500);
    expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });

    const event = await waitForMarked(marker);
    const exception = event.exception!.values![0];
    expect(exception.type).toBe('OrderFailedError');
    expect(exception.value).toBe(`order 42 failed ${marker}`);
    expect(exception.mechanism).toMatchObject({ type: 'auto.http.nestjs.global_filter', handled: false });
    expect(event.transaction).toBe('GET /api/orders/:id');
    expect(event.tags).toMatchObject({ 'http.status_code': '500' });
    expect(event.request).toMatchObject({ method: 'GET', url: expect.stringContaining(`/api/orders/42?m=${marker}`) });
    expect(event.request?.headers).toMatchObject({ 'x-request-tag': marker });
    expectInAppThrowSite(event, 'filter-orders.controller.ts', 'throw new OrderFailedError(`order ${id} failed ${marker}`)');

    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });

  it('captures an HttpException of 5xx (the official filter skips these) and sends its own body', async () => {
    const marker = newMarker('http-503');
    const response = await get(`7/http?status=503&m=${marker}`).expect(503);
    expect(response.body).toEqual({ reason: 'upstream down', marker });

    // The body is an object, so the exception's message is Nest's generic one: found by its URL.
    const event = await waitForMarked(marker);
    expect(event.exception!.values![0]).toMatchObject({ type: 'HttpException', value: 'Http Exception' });
    expect(event.tags).toMatchObject({ 'http.status_code': '503' });
    expect(event.transaction).toBe('GET /api/orders/:id/http');
    expect(event.exception!.values![0].mechanism).toMatchObject({ handled: false });
  });

  it('never captures a 4xx, and still answers with its body', async () => {
    const notFound = newMarker('http-404');
    const conflict = newMarker('http-409');
    expect((await get(`7/http?status=404&m=${notFound}`).expect(404)).body).toEqual({
      statusCode: 404,
      message: notFound,
      error: 'Not Found',
    });
    expect((await get(`7/http?status=409&m=${conflict}`).expect(409)).body).toEqual({ reason: 'upstream down', marker: conflict });

    await later();
    expect([...eventsWith(ingest, notFound), ...eventsWith(ingest, conflict)]).toEqual([]);
  });

  it.each([
    ['a guard', (m: string) => `1/guarded?m=${m}`, 'GET /api/orders/:id/guarded'],
    ['a pipe', (m: string) => `piped/${m}`, 'GET /api/orders/piped/:marker'],
  ])('captures an error thrown in %s, named after the route', async (_where, path, transaction) => {
    const marker = newMarker('enhancer');
    expect((await get(path(marker)).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    const event = await waitForMarked(marker);
    expect(event.transaction).toBe(transaction);
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.http.nestjs.global_filter', handled: false });
  });

  it('captures an error thrown in a middleware (before routing, so the raw path names it)', async () => {
    const marker = newMarker('middleware');
    expect((await get(`middleware/${marker}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    const event = await waitForMarked(marker);
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.http.nestjs.global_filter', handled: false });
    expect(event.tags).toMatchObject({ 'http.status_code': '500' });
    expect(event.request?.url).toContain(`/api/orders/middleware/${marker}`);
  });

  it('does not send again what SentryService.captureException already captured', async () => {
    const marker = newMarker('captured');
    expect((await get(`3/captured?m=${marker}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    const event = await waitForMarked(marker);
    expect(event.extra).toEqual({ by: 'service' });
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });

  it('leaves an unknown route (404) alone', async () => {
    const marker = newMarker('no-route');
    await request(testApp.url).get(`/api/nowhere/${marker}`).expect(404);
    await later();
    expect(eventsWith(ingest, marker)).toEqual([]);
  });
});

/** The throwing line is an in-app frame with its source line attached. */
function expectInAppThrowSite(event: Event, file: string, line: string): void {
  const frames = event.exception!.values![0].stacktrace!.frames!;
  const site = frames.find((frame) => frame.filename?.endsWith(file));
  expect(site).toMatchObject({ in_app: true });
  expect(site!.context_line?.trim()).toBe(`${line};`);
  expect(site!.pre_context?.length).toBeGreaterThan(0);
}
