import { Module, UseFilters } from '@nestjs/common';
import { MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { SentryModule, SentryService, SentryTag } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Socket as ServerSocket } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from './support/create-test-app';
import { registryLookups, WsCaptureFilter } from './support/scope-capture.filters';
import {
  doWork,
  expectedEventCount,
  InFlight,
  launchOverlapping,
  makeOrders,
  type WorkOrder,
} from './support/scope-load';
import { findIsolationProblems } from './support/scope-isolation-check';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// Hundreds of requests on a shared 2-core machine: allow for other test files running alongside.
jest.setTimeout(120_000);
// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

const inFlight = new InFlight(50);

// Nest applies no APP_INTERCEPTOR to gateways: the module binds its interceptor here itself.
@WebSocketGateway()
@SentryTag('suite', 'ws')
@UseFilters(WsCaptureFilter)
class WorkGateway implements OnGatewayConnection {
  constructor(private readonly sentry: SentryService) {}

  /** The auth step, done once per connection: the default resolver reads `client.data.user`. */
  handleConnection(client: ServerSocket): void {
    client.data.user = (client.handshake.auth as { user?: unknown }).user;
  }

  @SubscribeMessage('work')
  @SentryTag('route', 'work')
  work(@MessageBody() order: Pick<WorkOrder, 'rid' | 'message'>): Promise<never> {
    return doWork(this.sentry, order, inFlight);
  }

  /** A primitive payload: no per-message object, so the filter relies on the async-context fallback. */
  @SubscribeMessage('work-raw')
  @SentryTag('route', 'work')
  workRaw(@MessageBody() payload: string): Promise<never> {
    const [rid, message] = payload.split('|');
    return doWork(this.sentry, { rid, message: message === '1' }, inFlight);
  }
}

@Module({ providers: [WorkGateway] })
class WorkGatewayModule {}

describe.each(['websocket', 'polling'])('WebSocket isolation over socket.io (%s transport)', (transport) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [
        SentryModule.forRoot({
          dsn: ingest.dsn,
          tracesSampleRate: 0,
          sdkOptions: { transportOptions: { bufferSize: 10_000 } },
          beforeBreadcrumb: (crumb) => (crumb.category === 'http' ? null : crumb),
        }),
        WorkGatewayModule,
      ],
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.app.close();
    await ingest.close();
  });

  async function connect(user: Record<string, unknown>): Promise<Socket> {
    const socket = io(testApp.url, { transports: [transport], auth: { user }, forceNew: true, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it('120 overlapping messages from 20 tenants, object and primitive payloads: zero leaks', async () => {
    const orders = makeOrders(120, 20, 'ws');
    const byUser = new Map<string, Socket>();
    for (const order of orders) if (!byUser.has(order.userId)) byUser.set(order.userId, await connect(order.user));
    const primitive = new Set(orders.filter((_, index) => index % 2 === 1).map((order) => order.rid));
    inFlight.max = 0;
    registryLookups.found = registryLookups.missing = 0;

    await launchOverlapping(orders, 4, 10, async (order) => {
      const socket = byUser.get(order.userId)!;
      if (primitive.has(order.rid)) socket.emit('work-raw', `${order.rid}|${order.message ? 1 : 0}`);
      else socket.emit('work', { rid: order.rid, message: order.message });
    });
    const expected = expectedEventCount(orders);
    const events = await ingest.waitForEvents(expected, () => true, { timeoutMs: 60_000 });
    await Sentry.flush(2000);

    expect(inFlight.max).toBeGreaterThanOrEqual(50);
    expect(registryLookups).toEqual({ found: orders.length, missing: 0 });
    expect(findIsolationProblems(events, orders, { suite: 'ws', route: 'work' }).slice(0, 20)).toEqual([]);
    expect(ingest.events).toHaveLength(expected);
  });
});
