import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, Module, Param, Post, UseGuards } from '@nestjs/common';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { getDefaultCurrentScope, type Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { ScopeTestAuthGuard, TEST_USER_HEADER } from './support/scope-auth.guard';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

// Errors-only mode: requests without a body take the module's lean fork, requests with one
// the SDK's. An event must not tell which fork its request took.
@Controller('lean')
@UseGuards(ScopeTestAuthGuard)
class LeanController {
  @Get('ok/:id')
  ok(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Get('fail/:id')
  fail(@Param('id') id: string): never {
    throw new Error(`lean-get:${id}`);
  }

  @Post('fail/:id')
  failWithBody(@Param('id') id: string, @Body() body: { note: string }): never {
    throw new Error(`lean-post:${id}:${body.note.length}`);
  }
}

@Module({ controllers: [LeanController] })
class LeanModule {}

const user = (id: string, tenantId: string) => JSON.stringify({ id, tenantId });
const byMessage = (message: string) => (event: Event) => event.exception?.values?.[0]?.value === message;

describe.each<HttpPlatform>(['express', 'fastify'])('request units in errors-only mode (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, profilesSampleRate: 0 }), LeanModule] }, platform);
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it("a body-less request's event carries its request (URL as it arrived, method, query, headers), user, tenant and route name", async () => {
    const id = randomBytes(4).toString('hex');
    await request(testApp.url).get(`/lean/fail/${id}?page=2&sort=asc`).set(TEST_USER_HEADER, user(`u-${id}`, `t-${id}`)).set('x-request-tag', id).expect(500);
    const event = await ingest.waitForEvent(byMessage(`lean-get:${id}`));
    expect({
      url: event.request?.url,
      method: event.request?.method,
      query: event.request?.query_string,
      header: event.request?.headers?.['x-request-tag'],
      user: event.user?.id,
      tenant: event.tags?.tenant_id,
      transaction: event.transaction,
    }).toEqual({
      url: `${testApp.url}/lean/fail/${id}?page=2&sort=asc`,
      method: 'GET',
      query: 'page=2&sort=asc',
      header: id,
      user: `u-${id}`,
      tenant: `t-${id}`,
      transaction: 'GET /lean/fail/:id',
    });
  });

  it('continues the trace the caller sent in sentry-trace / baggage', async () => {
    const traceId = randomBytes(16).toString('hex');
    const id = randomBytes(4).toString('hex');
    await request(testApp.url)
      .get(`/lean/fail/${id}`)
      .set('sentry-trace', `${traceId}-${randomBytes(8).toString('hex')}-1`)
      .set('baggage', `sentry-trace_id=${traceId},sentry-environment=upstream`)
      .expect(500);
    const event = await ingest.waitForEvent(byMessage(`lean-get:${id}`));
    expect(event.contexts?.trace?.trace_id).toBe(traceId);
  });

  it('nothing put on the process-wide current scope reaches a request, however it got there (update() tells no listener)', async () => {
    const id = randomBytes(4).toString('hex');
    getDefaultCurrentScope().update({ tags: { base_update: id }, extra: { base_extra: id } });
    try {
      await request(testApp.url).get(`/lean/fail/${id}`).expect(500);
    } finally {
      getDefaultCurrentScope().setTags({ base_update: undefined }).setExtras({ base_extra: undefined });
    }
    const event = await ingest.waitForEvent(byMessage(`lean-get:${id}`));
    expect({ tag: event.tags?.base_update, extra: event.extra?.base_extra }).toEqual({ tag: undefined, extra: undefined });
  });

  it('a request with a body keeps the SDK fork: the body is on its event', async () => {
    const id = randomBytes(4).toString('hex');
    await request(testApp.url).post(`/lean/fail/${id}`).set(TEST_USER_HEADER, user(`u-${id}`, `t-${id}`)).send({ note: `note-${id}` }).expect(500);
    const event = await ingest.waitForEvent(byMessage(`lean-post:${id}:${`note-${id}`.length}`));
    expect({ data: event.request?.data, user: event.user?.id, tenant: event.tags?.tenant_id }).toEqual({
      data: JSON.stringify({ note: `note-${id}` }),
      user: `u-${id}`,
      tenant: `t-${id}`,
    });
  });
});
