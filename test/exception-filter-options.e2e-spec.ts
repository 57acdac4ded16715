import { Controller, HttpException, Module, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ExternalContextCreator, HttpAdapterHost } from '@nestjs/core';
import { SentryExceptionFilter, SentryModule, type SentryModuleOptions } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import type { TestApp } from './support/create-test-app';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { FilterOrdersModule, OrderFailedError } from './support/filter-orders.controller';
import { createFilterTestApp } from './support/filter-test-app';

/** A resolver-like handler, run the way @nestjs/graphql runs resolvers (no GraphQL dependency needed). */
@Controller()
class ResolverLike {
  order(marker: string): never {
    throw new OrderFailedError(`resolver ${marker}`);
  }
  missing(marker: string): never {
    throw new NotFoundException(marker);
  }
}
@Module({ controllers: [ResolverLike] })
class ResolverLikeModule {}

describe('SentryExceptionFilter options (express)', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp | undefined;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
    ingest.clear();
  });
  afterAll(() => ingest.close());

  async function start(options: SentryModuleOptions = {}, configure?: Parameters<typeof createFilterTestApp>[2]): Promise<string> {
    testApp = await createFilterTestApp(
      { imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, ...options }), FilterOrdersModule, ResolverLikeModule] },
      'express',
      configure,
    );
    return testApp.url;
  }
  const later = () => waitForLaterMarker(ingest, (m) => request(testApp!.url).post('/orders/marker').send({ m }).expect(201));
  const waitForMarked = (marker: string) => ingest.waitForEvent((event) => eventsWith(ingest, marker).includes(event));

  it('captureStatusThreshold: 404 captures a 404 but still not a 403', async () => {
    const url = await start({ captureStatusThreshold: 404 });
    const captured = newMarker('t-404');
    const skipped = newMarker('t-403');
    await request(url).get(`/orders/1/http?status=404&m=${captured}`).expect(404);
    await request(url).get(`/orders/1/http?status=403&m=${skipped}`).expect(403);
    expect((await waitForMarked(captured)).tags).toMatchObject({ 'http.status_code': '404' });
    await later();
    expect(eventsWith(ingest, skipped)).toEqual([]);
  });

  it('ignoreExceptions skips instances of those classes, answering as usual', async () => {
    const url = await start({ ignoreExceptions: [OrderFailedError] });
    const marker = newMarker('ignored');
    expect((await request(url).get(`/orders/1?m=${marker}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    await later();
    expect(eventsWith(ingest, marker)).toEqual([]);
  });

  it('shouldCapture gets the exception and the host, and can veto', async () => {
    const seen: Array<{ type: string; url: string }> = [];
    const url = await start({
      shouldCapture: (exception: unknown, host: ArgumentsHost) => {
        seen.push({ type: host.getType(), url: host.switchToHttp().getRequest<{ url: string }>().url });
        return !(exception instanceof Error && exception.message.includes('veto'));
      },
    });
    const vetoed = newMarker('veto');
    const kept = newMarker('kept');
    await request(url).get(`/orders/1?m=${vetoed}`).expect(500);
    await request(url).get(`/orders/1?m=${kept}`).expect(500);
    await waitForMarked(kept);
    await later();
    expect(eventsWith(ingest, vetoed)).toEqual([]);
    expect(seen).toEqual([
      { type: 'http', url: `/orders/1?m=${vetoed}` },
      { type: 'http', url: `/orders/1?m=${kept}` },
    ]);
  });

  it('shouldCapture is not asked about a 4xx: the threshold already said no', async () => {
    const asked: unknown[] = [];
    const url = await start({ shouldCapture: (exception) => asked.push(exception) > 0 });
    await request(url).get(`/orders/1/http?status=404&m=${newMarker('no-ask')}`).expect(404);
    expect(asked).toEqual([]);
  });

  it('a shouldCapture that throws costs a warning, never the response', async () => {
    const url = await start({
      shouldCapture: () => {
        throw new Error('predicate bug');
      },
    });
    const marker = newMarker('predicate-throws');
    expect((await request(url).get(`/orders/1?m=${marker}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(testApp!.logger.sentryLines('warn')).toEqual([expect.stringContaining('predicate bug')]);
  });

  it('registerExceptionFilter: false answers exactly as Nest does and captures nothing', async () => {
    const url = await start({ registerExceptionFilter: false });
    const unknown = newMarker('optout-500');
    const http = newMarker('optout-503');
    expect((await request(url).get(`/orders/1?m=${unknown}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect((await request(url).get(`/orders/1/http?status=503&m=${http}`).expect(503)).body).toEqual({ reason: 'upstream down', marker: http });
    await later();
    expect([...eventsWith(ingest, unknown), ...eventsWith(ingest, http)]).toEqual([]);
    // Nest's own error log still happens.
    expect(testApp!.logger.lines.some((line) => line.context === 'ExceptionsHandler' && line.message.includes(unknown))).toBe(true);
  });

  it('registerExceptionFilter: false, then app.useGlobalFilters(new SentryExceptionFilter(httpAdapter)) captures', async () => {
    const url = await start({ registerExceptionFilter: false }, (app) =>
      app.useGlobalFilters(new SentryExceptionFilter(app.get(HttpAdapterHost).httpAdapter)),
    );
    const marker = newMarker('manual');
    expect((await request(url).get(`/orders/1?m=${marker}`).expect(500)).body).toEqual({ statusCode: 500, message: 'Internal server error' });
    const event = await waitForMarked(marker);
    expect(event.transaction).toBe('GET /orders/:id');
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });

  describe('GraphQL-style external contexts (host type "graphql")', () => {
    function resolver(method: 'order' | 'missing'): (marker: string) => Promise<unknown> {
      const instance = testApp!.app.get(ResolverLike);
      const creator = testApp!.app.get(ExternalContextCreator);
      const callback = instance[method] as (...args: unknown[]) => unknown;
      const run = creator.create(instance, callback, method, undefined, undefined, undefined, undefined, undefined, 'graphql');
      return async (marker) => run(marker);
    }

    it('captures with the graphql mechanism and rethrows the same error, as Nest does', async () => {
      await start();
      const marker = newMarker('gql');
      await expect(resolver('order')(marker)).rejects.toThrow(`resolver ${marker}`);
      const event = await waitForMarked(marker);
      expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.graphql.nestjs.global_filter', handled: false });
    });

    it('rethrows a 4xx HttpException without capturing it', async () => {
      await start();
      const marker = newMarker('gql-404');
      await expect(resolver('missing')(marker)).rejects.toBeInstanceOf(HttpException);
      await later();
      expect(eventsWith(ingest, marker)).toEqual([]);
    });
  });
});
