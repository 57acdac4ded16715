import { Body, Controller, Get, Module, Post, Query, UseFilters } from '@nestjs/common';
import { SentryContext, SentryModule, SentryService, SentryTag, SentryTags } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { HttpCaptureFilter } from './support/scope-capture.filters';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

@Controller('orders')
@SentryTags({ layer: 'class', team: 'core' })
@SentryTag('area', 'orders')
@SentryContext('feature', { owner: 'class' })
@SentryContext('billing', { plan: 'pro' })
@UseFilters(HttpCaptureFilter)
class OrdersController {
  constructor(private readonly sentry: SentryService) {}

  // On one element the higher decorator wins a shared key: op is 'create'.
  @Post()
  @SentryTag('layer', 'method')
  @SentryTag('op', 'create')
  @SentryTags({ op: 'lower', priority: 'high' })
  @SentryContext('feature', { owner: 'method' })
  create(@Body() body: { marker: string }): never {
    this.sentry.captureMessage(`msg:${body.marker}`);
    throw new Error(`err:${body.marker}`);
  }

  @Get()
  list(@Query('marker') marker: string): void {
    this.sentry.captureMessage(marker);
  }
}

@SentryTag('inherited', 'base')
@SentryTag('area', 'base')
class BaseController {
  constructor(protected readonly sentry: SentryService) {}

  @Get('inherited')
  @SentryTag('handler', 'base')
  inherited(@Query('marker') marker: string): void {
    this.sentry.captureMessage(marker);
  }
}

@Controller('admin')
@SentryTag('area', 'admin')
class AdminController extends BaseController {}

@Controller('plain')
class PlainController {
  constructor(private readonly sentry: SentryService) {}

  @Get()
  plain(@Query('marker') marker: string): void {
    this.sentry.captureMessage(marker);
  }
}

@Module({ controllers: [OrdersController, AdminController, PlainController] })
class DecoratedModule {}

const DECORATOR_TAGS = ['layer', 'team', 'area', 'op', 'priority', 'inherited', 'handler'];

function decoratorTags(event: Event): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event.tags ?? {}).filter(([key]) => DECORATOR_TAGS.includes(key)));
}

describe.each<HttpPlatform>(['express', 'fastify'])('@SentryTag, @SentryTags, @SentryContext (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), DecoratedModule] }, platform);
  });
  afterEach(() => ingest.clear());
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('stack and merge: class and method, the method wins a shared key; on the error and the message alike', async () => {
    await request(testApp.url).post('/orders').send({ marker: 'stacked' }).expect(500);
    const message = await ingest.waitForEvent((e) => e.message === 'msg:stacked');
    const error = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'err:stacked');
    for (const event of [message, error]) {
      expect(decoratorTags(event)).toEqual({ layer: 'method', team: 'core', area: 'orders', op: 'create', priority: 'high' });
      expect(event.contexts?.feature).toEqual({ owner: 'method' });
      expect(event.contexts?.billing).toEqual({ plan: 'pro' });
    }
  });

  it('a handler without its own decorators gets the class ones', async () => {
    await request(testApp.url).get('/orders').query({ marker: 'class-only' }).expect(200);
    const event = await ingest.waitForEvent((e) => e.message === 'class-only');
    expect(decoratorTags(event)).toEqual({ layer: 'class', team: 'core', area: 'orders' });
    expect(event.contexts?.feature).toEqual({ owner: 'class' });
  });

  it('a subclass extends its base class tags and overrides shared keys; inherited handlers keep theirs', async () => {
    await request(testApp.url).get('/admin/inherited').query({ marker: 'inherited' }).expect(200);
    const event = await ingest.waitForEvent((e) => e.message === 'inherited');
    expect(decoratorTags(event)).toEqual({ inherited: 'base', area: 'admin', handler: 'base' });
  });

  it("tags stay with their routes: another controller's requests have none of them", async () => {
    await Promise.all([
      request(testApp.url).post('/orders').send({ marker: 'busy' }).expect(500),
      request(testApp.url).get('/plain').query({ marker: 'undecorated' }).expect(200),
    ]);
    const event = await ingest.waitForEvent((e) => e.message === 'undecorated');
    expect(decoratorTags(event)).toEqual({});
    expect(event.contexts?.feature).toBeUndefined();
  });
});
