import { Body, Controller, Module, Post, UseFilters, UseGuards } from '@nestjs/common';
import { SentryContext, SentryModule, SentryService, SentryTag, SentryTags } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { ScopeTestAuthGuard, TEST_USER_HEADER } from './support/scope-auth.guard';
import { HttpCaptureFilter } from './support/scope-capture.filters';
import { jitter, makeOrders, MARKER_CATEGORY, type WorkOrder } from './support/scope-load';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// Hundreds of requests on a shared 2-core machine: allow for other test files running alongside.
jest.setTimeout(120_000);
// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

// Tracing mode (@sentry/nestjs, OpenTelemetry context) in its own file: SDK state is per process.
@Controller('traced')
@SentryTag('suite', 'tracing')
@UseGuards(ScopeTestAuthGuard)
@UseFilters(HttpCaptureFilter)
class TracedController {
  constructor(private readonly sentry: SentryService) {}

  @Post()
  @SentryTags({ route: 'traced' })
  @SentryContext('feature', { owner: 'tracing-suite' })
  async traced(@Body() body: { rid: string; fail: boolean }): Promise<{ ok: true }> {
    await jitter();
    this.sentry.setTag('request_id', body.rid);
    await jitter();
    this.sentry.addBreadcrumb(`${body.rid}:traced`, MARKER_CATEGORY);
    await jitter();
    if (body.fail) throw new Error(`err:${body.rid}`);
    return { ok: true };
  }
}

@Module({ controllers: [TracedController] })
class TracedModule {}

describe.each<HttpPlatform>(['express', 'fastify'])('tracing mode (%s): request tags and identity on transactions too', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp(
      {
        imports: [
          SentryModule.forRoot({
            dsn: ingest.dsn,
            tracesSampleRate: 1,
            profilesSampleRate: 0,
            sdkOptions: { transportOptions: { bufferSize: 10_000 } },
            beforeBreadcrumb: (crumb) => (crumb.category === 'http' ? null : crumb),
          }),
          TracedModule,
        ],
      },
      platform,
    );
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('60 concurrent requests: each transaction and error carries its own user, tenant, tags and context', async () => {
    const orders = makeOrders(60, 20, platform);
    const failing = new Set(orders.filter((_, index) => index % 2 === 0).map((order) => order.rid));
    await Promise.all(
      orders.map((order) =>
        request(testApp.url)
          .post('/traced')
          .set(TEST_USER_HEADER, JSON.stringify(order.user))
          .send({ rid: order.rid, fail: failing.has(order.rid) })
          .expect(failing.has(order.rid) ? 500 : 201),
      ),
    );
    // The in-process ingest's own envelope requests are traced too: keep to this route.
    const isOurs = (event: Event): boolean => event.transaction === 'POST /traced';
    const transactions = await waitForTransactions(orders.length, isOurs);
    const errors = await ingest.waitForEvents(failing.size, () => true, { timeoutMs: 60_000 });

    const byRid = new Map(orders.map((order) => [order.rid, order]));
    for (const event of [...transactions, ...errors]) {
      const order = byRid.get(String(event.tags?.request_id));
      expect(order).toBeDefined();
      expect(identityOf(event)).toEqual(expectedIdentity(order!));
    }
    expect(new Set(transactions.map((event) => event.tags?.request_id)).size).toBe(orders.length);
    expect(errors.map((event) => event.exception?.values?.[0]?.value).sort()).toEqual([...failing].map((rid) => `err:${rid}`).sort());
  });

  function waitForTransactions(count: number, predicate: (event: Event) => boolean): Promise<Event[]> {
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + 60_000;
      const poll = (): void => {
        const found = ingest.transactions.filter(predicate);
        if (found.length >= count) return resolve(found);
        if (Date.now() > deadline) return reject(new Error(`${found.length}/${count} transactions arrived`));
        setTimeout(poll, 25);
      };
      poll();
    });
  }
});

function identityOf(event: Event): unknown {
  return {
    user: { id: event.user?.id, email: event.user?.email },
    tenant: event.tags?.tenant_id,
    tenantContext: event.contexts?.tenant,
    suite: event.tags?.suite,
    route: event.tags?.route,
    feature: event.contexts?.feature,
  };
}

function expectedIdentity(order: WorkOrder): unknown {
  return {
    user: { id: order.userId, email: order.email },
    tenant: order.tenantId,
    tenantContext: { tenant_id: order.tenantId },
    suite: 'tracing',
    route: 'traced',
    feature: { owner: 'tracing-suite' },
  };
}
