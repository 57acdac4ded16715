import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import type { HttpPlatform, TestApp } from './support/create-test-app';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { FilterOrdersModule } from './support/filter-orders.controller';
import { createFilterTestApp } from './support/filter-test-app';

// Tracing mode (@sentry/nestjs init) in its own file: it must not share a process with the light SDK.
describe.each<HttpPlatform>(['express', 'fastify'])('SentryExceptionFilter with tracing on (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createFilterTestApp(
      { imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 1, profilesSampleRate: 0 }), FilterOrdersModule] },
      platform,
      (app) => app.setGlobalPrefix('api'),
    );
  });
  afterAll(async () => {
    await testApp?.app.close();
    await ingest.close();
  });

  it('names the error event after the route pattern, not the raw URL, and links it to the trace', async () => {
    const marker = newMarker('traced');
    const response = await request(testApp.url).get(`/api/orders/1000?m=${marker}`).expect(500);
    expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });

    const event = await ingest.waitForEvent((e) => eventsWith(ingest, marker).includes(e));
    expect(event.transaction).toBe('GET /api/orders/:id');
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.http.nestjs.global_filter', handled: false });
    expect(event.tags).toMatchObject({ 'http.status_code': '500' });
    expect(event.contexts?.trace?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(event.request).toMatchObject({ method: 'GET' });

    await waitForLaterMarker(ingest, (m) => request(testApp.url).post('/api/orders/marker').send({ m }).expect(201));
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });

  it('still leaves 4xx out', async () => {
    const marker = newMarker('traced-404');
    await request(testApp.url).get(`/api/orders/1/http?status=404&m=${marker}`).expect(404);
    await waitForLaterMarker(ingest, (m) => request(testApp.url).post('/api/orders/marker').send({ m }).expect(201));
    expect(eventsWith(ingest, marker)).toEqual([]);
  });
});
