import { Controller, Get, Module, Query } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
} from '@nestjs/websockets';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Breadcrumb, Event } from '@sentry/core';
import { config as rxjsConfig } from 'rxjs';
import type { Socket as ServerSocket } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

const TENANTS = ['acme', 'globex', 'initech', 'umbrella'];
const CONNECTION_CATEGORY = 'ws.connection';

/** Nest calls `handleConnection` from an rxjs subscription: what it throws ends up here, as without the module. */
const unhandled: unknown[] = [];

interface Auth {
  name: string;
  user: { id: string; tenantId: string };
  fail?: boolean;
}

@WebSocketGateway()
class ConnectionGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(private readonly sentry: SentryService) {}

  handleConnection(client: ServerSocket): void {
    const auth = client.handshake.auth as Auth;
    client.data.user = auth.user;
    this.sentry.setUserContext(auth.user.id, auth.user.tenantId);
    Sentry.addBreadcrumb({ category: CONNECTION_CATEGORY, message: `connect:${auth.name}` });
    if (auth.fail) throw new Error(`connect-failed:${auth.name}`);
  }

  handleDisconnect(client: ServerSocket): void {
    Sentry.addBreadcrumb({ category: CONNECTION_CATEGORY, message: `disconnect:${(client.handshake.auth as Auth).name}` });
  }

  @SubscribeMessage('probe')
  probe(@ConnectedSocket() client: ServerSocket, @MessageBody() marker: string): string {
    Sentry.addBreadcrumb({ category: 'ws.message', message: `message:${(client.handshake.auth as Auth).name}` });
    Sentry.captureMessage(marker);
    return marker;
  }
}

@Controller('probe')
class ProbeController {
  @Get()
  probe(@Query('marker') marker: string): string {
    Sentry.captureMessage(marker);
    return marker;
  }
}

@Module({ providers: [ConnectionGateway], controllers: [ProbeController] })
class ConnectionModule {}

const connectionCrumbs = (event: Event): string[] =>
  (event.breadcrumbs ?? []).filter((crumb: Breadcrumb) => crumb.category === CONNECTION_CATEGORY).map((crumb) => crumb.message ?? '');

describe.each(['websocket', 'polling'])('WebSocket connections as units of work (%s transport)', (transport) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  const sockets: Socket[] = [];
  let previousOnUnhandled: typeof rxjsConfig.onUnhandledError;

  beforeAll(async () => {
    previousOnUnhandled = rxjsConfig.onUnhandledError;
    rxjsConfig.onUnhandledError = (error) => unhandled.push(error);
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ConnectionModule],
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await testApp.app.close();
    await ingest.close();
    rxjsConfig.onUnhandledError = previousOnUnhandled;
    unhandled.length = 0;
  });

  async function connect(auth: Auth): Promise<Socket> {
    const socket = io(testApp.url, { transports: [transport], auth, forceNew: true, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
    return socket;
  }

  it('connection breadcrumbs stay off later message and HTTP events; a connect error is captured once with its own breadcrumb', async () => {
    const clients = new Map<string, Socket>();
    for (const [index, tenant] of TENANTS.entries()) {
      for (const n of [1, 2]) {
        const name = `${transport}-${tenant}-${n}`;
        clients.set(name, await connect({ name, user: { id: `user-${name}`, tenantId: tenant }, fail: index === 2 && n === 2 }));
      }
    }
    const failing = `${transport}-${TENANTS[2]}-2`;
    // One client disconnects: its handleDisconnect breadcrumb must not spread either.
    const leaving = `${transport}-${TENANTS[0]}-1`;
    const left = new Promise<void>((resolve) => clients.get(leaving)!.once('disconnect', () => resolve()));
    clients.get(leaving)!.disconnect();
    await left;
    clients.delete(leaving);

    const markers: string[] = [];
    for (const [name, socket] of clients) {
      const marker = `msg:${name}`;
      markers.push(marker);
      expect(await socket.emitWithAck('probe', marker)).toBe(marker);
    }
    const httpMarker = `http:${transport}`;
    markers.push(httpMarker);
    expect(await (await fetch(`${testApp.url}/probe?marker=${encodeURIComponent(httpMarker)}`)).text()).toBe(httpMarker);

    const events = await ingest.waitForEvents(markers.length, (event) => markers.includes(event.message ?? ''));
    expect(events.map((event) => ({ marker: event.message, crumbs: connectionCrumbs(event) }))).toEqual(
      events.map((event) => ({ marker: event.message, crumbs: [] })),
    );
    // Message events keep their own message breadcrumb (the message's own scope).
    for (const event of events.filter((e) => e.message?.startsWith('msg:'))) {
      expect((event.breadcrumbs ?? []).filter((c) => c.category === 'ws.message').map((c) => c.message)).toEqual([`message:${event.message!.slice(4)}`]);
    }

    // Nor do they reach the process-wide scope: an event raised outside any unit carries none of them.
    const outside = `outside:${transport}`;
    Sentry.captureMessage(outside);
    const outsideEvent = await ingest.waitForEvent((event) => event.message === outside);
    expect({ crumbs: connectionCrumbs(outsideEvent), user: outsideEvent.user?.id, tenant: outsideEvent.tags?.tenant_id }).toEqual({
      crumbs: [],
      user: undefined,
      tenant: undefined,
    });

    // The error thrown in handleConnection: captured once, in the connection's own scope.
    const failed = (event: Event) => event.exception?.values?.[0]?.value === `connect-failed:${failing}`;
    const [error] = await ingest.waitForEvents(1, failed);
    await Sentry.flush(2000);
    expect(ingest.events.filter(failed)).toHaveLength(1);
    expect({
      crumbs: connectionCrumbs(error),
      mechanism: error.exception?.values?.[0]?.mechanism?.type,
      handled: error.exception?.values?.[0]?.mechanism?.handled,
      transaction: error.transaction,
      user: error.user?.id,
      tenant: error.tags?.tenant_id,
    }).toEqual({
      crumbs: [`connect:${failing}`],
      mechanism: 'auto.ws.nestjs.connection',
      handled: false,
      transaction: 'ws connect ConnectionGateway',
      user: `user-${failing}`,
      tenant: TENANTS[2],
    });
    // Rethrown unchanged: Nest's subscription sees the same error, once, as without the module.
    expect(unhandled.filter((e) => e instanceof Error && e.message === `connect-failed:${failing}`)).toHaveLength(1);
  });
});
