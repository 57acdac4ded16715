import { Controller, Get, Param } from '@nestjs/common';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';

@Controller('items')
class ItemsController {
  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    return { id };
  }
}

/**
 * Light tracing draws the sampling decision before it starts a span: the share of
 * requests that become transactions must still be `tracesSampleRate`, each one must
 * carry the rate and the draw it was sampled with (Sentry extrapolates from them).
 */
describe('light tracing samples at tracesSampleRate', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0.5, profilesSampleRate: 0 })],
      controllers: [ItemsController],
    });
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('about half of 200 requests become transactions named by route, each with sample_rate 0.5', async () => {
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => request(testApp.url).get(`/items/${batch * 20 + i}`).expect(200)));
    }
    await testApp.app.get(SentryService).flush();
    const transactions = ingest.transactions.filter((t) => t.transaction === 'GET /items/:id');
    // Binomial(200, 0.5): 60..140 is more than five standard deviations either side.
    expect(transactions.length).toBeGreaterThanOrEqual(60);
    expect(transactions.length).toBeLessThanOrEqual(140);
    expect(new Set(transactions.map((t) => t.contexts?.trace?.data?.['http.request.method']))).toEqual(new Set(['GET']));
    const traces = ingest.envelopes
      .filter((e) => e.items.some((item) => item.type === 'transaction' && (item.payload as { transaction?: string }).transaction === 'GET /items/:id'))
      .map((e) => e.headers.trace as { sample_rate?: string; sample_rand?: string } | undefined);
    expect(new Set(traces.map((trace) => trace?.sample_rate))).toEqual(new Set(['0.5']));
    // Each was sampled by the draw its trace carries: the module decides at request start, the SDK samples with the same draw.
    expect(traces.filter((trace) => !(Number(trace?.sample_rand) < 0.5))).toEqual([]);
  });
});
