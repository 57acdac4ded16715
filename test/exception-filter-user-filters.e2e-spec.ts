import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import type { HttpPlatform, TestApp } from './support/create-test-app';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { FilterOrdersModule } from './support/filter-orders.controller';
import { createFilterTestApp } from './support/filter-test-app';
import { APP_FILTER } from '@nestjs/core';
import { EnvelopeFilter, ShopModule } from './support/filter-user-filters';

describe.each<HttpPlatform>(['express', 'fastify'])('SentryExceptionFilter with user-defined filters (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    ingest.clear();
  });
  afterAll(() => ingest.close());

  const later = () => waitForLaterMarker(ingest, (m) => request(testApp.url).post('/orders/marker').send({ m }).expect(201));

  describe.each([
    ['SentryModule imported first', () => [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ShopModule, FilterOrdersModule]],
    ['SentryModule imported last', () => [ShopModule, FilterOrdersModule, SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 })]],
  ])('%s', (_order, imports) => {
    beforeEach(async () => {
      testApp = await createFilterTestApp({ imports: imports() }, platform);
    });

    it("a user's own global filter (APP_FILTER) still handles its exceptions; nothing is captured", async () => {
      const marker = newMarker('declined');
      const response = await request(testApp.url).get(`/shop/pay?m=${marker}`).expect(402);
      expect(response.body).toEqual({ statusCode: 402, message: `declined ${marker}`, handledBy: 'PaymentDeclinedFilter' });
      await later();
      expect(eventsWith(ingest, marker)).toEqual([]);
    });

    it('the Sentry filter still catches everything else', async () => {
      const marker = newMarker('other');
      await request(testApp.url).get(`/orders/5?m=${marker}`).expect(500);
      await ingest.waitForEvent((event) => eventsWith(ingest, marker).includes(event));
    });
  });

  describe("the app's own catch-all APP_FILTER in the root module, extending SentryExceptionFilter", () => {
    beforeEach(async () => {
      testApp = await createFilterTestApp(
        {
          imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ShopModule, FilterOrdersModule],
          providers: [{ provide: APP_FILTER, useClass: EnvelopeFilter }],
        },
        platform,
      );
    });

    it('answers in its own format and captures once', async () => {
      const marker = newMarker('envelope');
      const response = await request(testApp.url).get(`/orders/9?m=${marker}`).expect(500);
      expect(response.body).toEqual({ error: { status: 500, kind: 'OrderFailedError' } });
      const event = await ingest.waitForEvent((e) => eventsWith(ingest, marker).includes(e));
      expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.http.nestjs.global_filter', handled: false });
      expect(event.transaction).toBe('GET /orders/:id');
      await later();
      expect(eventsWith(ingest, marker)).toHaveLength(1);
    });

    it('formats a 4xx too, without capturing it', async () => {
      const marker = newMarker('envelope-404');
      const response = await request(testApp.url).get(`/orders/9/http?status=404&m=${marker}`).expect(404);
      expect(response.body).toEqual({ error: { status: 404, kind: 'NotFoundException' } });
      await later();
      expect(eventsWith(ingest, marker)).toEqual([]);
    });

    it('leaves the more specific APP_FILTER of a feature module in charge of its exceptions', async () => {
      await request(testApp.url).get('/shop/pay?m=x').expect(402);
    });
  });

  describe('filters that capture themselves', () => {
    beforeEach(async () => {
      testApp = await createFilterTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ShopModule, FilterOrdersModule] }, platform);
    });

    it('a subclass of SentryExceptionFilter with @SentryExceptionCaptured sends one event and Nest\'s answer', async () => {
      const marker = newMarker('ledger');
      const response = await request(testApp.url).get(`/shop/ledger?m=${marker}`).expect(500);
      expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error' });
      const event = await ingest.waitForEvent((e) => eventsWith(ingest, marker).includes(e));
      expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.function.nestjs.exception_captured', handled: false });
      await later();
      expect(eventsWith(ingest, marker)).toHaveLength(1);
    });

    it('a filter that captures with SentryService and answers itself sends one event', async () => {
      const marker = newMarker('inventory');
      expect((await request(testApp.url).get(`/shop/inventory?m=${marker}`).expect(503)).body).toEqual({ statusCode: 503, message: 'try later' });
      const event = await ingest.waitForEvent((e) => eventsWith(ingest, marker).includes(e));
      expect(event.extra).toEqual({ by: 'InventoryFilter' });
      await later();
      expect(eventsWith(ingest, marker)).toHaveLength(1);
    });
  });
});
