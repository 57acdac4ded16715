import type { INestApplication } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Event } from '@sentry/core';
import { firstValueFrom } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { CaptureLogger } from '../support/capture-logger';
import type { HttpPlatform } from '../support/create-test-app';
import { freePort } from '../support/scope-free-port';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';
import { ALL_OUTSIDE_DATA, outsideDataOn, recordOutsideAnyUnit } from './outside-unit-work';
import { UNIT_CATEGORY, UnitsModule } from './unit-handlers';

jest.setTimeout(60_000);
// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

describe.each<HttpPlatform>(['express', 'fastify'])('a clean base for every unit of work (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let app: INestApplication;
  let url: string;
  let rpc: ClientProxy;
  let socket: Socket;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    const logger = new CaptureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), UnitsModule],
    })
      .setLogger(logger)
      .compile();
    app = platform === 'fastify' ? moduleRef.createNestApplication(new FastifyAdapter(), { logger }) : moduleRef.createNestApplication({ logger });
    const port = await freePort();
    // inheritAppConfig: the module's global filter then captures RPC errors too.
    app.connectMicroservice({ transport: Transport.TCP, options: { host: '127.0.0.1', port } }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    rpc = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await rpc.connect();
    socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));

    const sentry = app.get(SentryService);
    sentry.setGlobalTag('region', 'eu-1');
    await recordOutsideAnyUnit(sentry);
  });

  afterAll(async () => {
    socket.disconnect();
    await rpc.close();
    await app.close();
    await ingest.close();
  });

  const errorOf = (rid: string) => (event: Event) => event.exception?.values?.[0]?.value === `err:${rid}`;

  it('HTTP requests, RPC messages and WebSocket messages carry none of what was recorded outside them', async () => {
    const rids = ['http-1', 'http-2', 'rpc-1', 'rpc-2', 'ws-1', 'ws-2'].map((rid) => `${rid}-${platform}`);
    for (const rid of rids) {
      if (rid.startsWith('http')) await fetch(`${url}/unit/${rid}`, { method: 'POST' });
      if (rid.startsWith('rpc')) await firstValueFrom(rpc.send('unit', { rid })).catch(() => undefined);
      if (rid.startsWith('ws')) socket.emit('unit', { rid });
      const event = await ingest.waitForEvent(errorOf(rid));
      expect({ rid, outside: outsideDataOn(event) }).toEqual({ rid, outside: [] });
      // Only the unit's own breadcrumb: no boot lines, no earlier unit's, no outgoing call's.
      expect((event.breadcrumbs ?? []).map((crumb) => `${crumb.category}:${crumb.message}`)).toEqual([`${UNIT_CATEGORY}:${rid}:own`]);
      expect(event.tags?.region).toBe('eu-1');
    }
  });

  it('an event raised outside any unit of work still carries it all, and the global tag', async () => {
    Sentry.captureMessage(`outside-event-${platform}`);
    const event = await ingest.waitForEvent((e) => e.message === `outside-event-${platform}`);
    expect(outsideDataOn(event)).toEqual(ALL_OUTSIDE_DATA);
    expect(event.tags?.region).toBe('eu-1');
  });
});
