import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';

/** node:http with the (keep-alive) global agent, as most HTTP clients use it. */
function httpGet(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      response.once('end', () => resolve());
    }).once('error', reject);
  });
}

@Controller('calls')
class CallingController {
  /** Calls a dependency with both clients, then fails: the error must carry its own calls only. */
  @Get(':marker')
  async call(@Param('marker') marker: string, @Query('upstream') upstream: string): Promise<never> {
    await httpGet(`${upstream}/dep/http?marker=${marker}`);
    await (await fetch(`${upstream}/dep/fetch?marker=${marker}`)).text();
    throw new Error(`outgoing ${marker}`);
  }
}

/**
 * Keep-alive clients hand a response to whichever request's async context opened
 * the connection: without care, one request's outgoing-call breadcrumb lands on
 * another request's scope, and shows up on another tenant's error.
 */
describe.each(['errors only', 'tracing'] as const)('outgoing-request breadcrumbs stay with their request (%s)', (mode) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let upstream: Server;
  let upstreamUrl: string;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    upstream = createServer((req, res) => setTimeout(() => res.end('ok'), Math.random() * 5));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const tracesSampleRate = mode === 'tracing' ? 1 : 0;
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate })], controllers: [CallingController] });
  });
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('40 overlapping requests: each error lists its own two calls and nobody else’s', async () => {
    const markers = Array.from({ length: 40 }, (_, i) => `m${mode === 'tracing' ? 't' : 'e'}${i}x`);
    await Promise.all(markers.map((marker) => request(testApp.url).get(`/calls/${marker}`).query({ upstream: upstreamUrl }).expect(500)));
    const events = await ingest.waitForEvents(markers.length, (e) => e.exception?.values?.[0]?.value?.startsWith('outgoing ') === true);

    const problems = events.flatMap((event) => {
      const own = event.exception!.values![0].value!.slice('outgoing '.length);
      const calls = outgoingCalls(event);
      const wrong = calls.filter((call) => call.marker !== own).map((call) => `${own} carries ${call.via} of ${call.marker}`);
      const missing = ['http', 'fetch'].filter((via) => !calls.some((call) => call.via === via && call.marker === own)).map((via) => `${own} lacks its ${via} call`);
      return [...wrong, ...missing];
    });
    expect(problems).toEqual([]);
  });
});

/** The dependency calls an event's breadcrumbs record (the path says which client, the query which request). */
function outgoingCalls(event: Event): Array<{ via: string; marker: string }> {
  return (event.breadcrumbs ?? []).flatMap((crumb) => {
    const via = /\/dep\/(http|fetch)$/.exec(String(crumb.data?.url ?? ''))?.[1];
    if (crumb.category !== 'http' || !via) return [];
    const query = new URLSearchParams(String(crumb.data?.['url.query'] ?? crumb.data?.['http.query'] ?? '').replace(/^\?/, ''));
    return [{ via, marker: query.get('marker') ?? '?' }];
  });
}
