import { Controller, Module, UseFilters, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, MessagePattern, Payload, Transport, type ClientProxy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { defaultResolveUser, principalFromUser, SentryModule, SentryService, SentryTag } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import { firstValueFrom } from 'rxjs';
import { CaptureLogger } from './support/capture-logger';
import { registryLookups, RpcCaptureFilter } from './support/scope-capture.filters';
import { freePort } from './support/scope-free-port';
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

type WorkMessage = Pick<WorkOrder, 'rid' | 'message'> & { auth: Record<string, unknown> };

const inFlight = new InFlight(50);

@Controller()
@SentryTag('suite', 'rpc')
@UseFilters(RpcCaptureFilter)
class WorkRpcController {
  constructor(private readonly sentry: SentryService) {}

  @MessagePattern('work')
  @SentryTag('route', 'work')
  work(@Payload() message: WorkMessage): Promise<never> {
    return doWork(this.sentry, message, inFlight);
  }
}

@Module({ controllers: [WorkRpcController] })
class WorkRpcModule {}

/**
 * A standalone microservice gets APP_INTERCEPTOR like any app; a hybrid app's
 * microservice connected without `inheritAppConfig` gets no global enhancer from
 * Nest, and relies on the interceptor binding itself to message controllers; with
 * `inheritAppConfig` both apply, and the second must be a no-op (resolveUser once).
 */
type Hosting = 'standalone microservice' | 'hybrid app' | 'hybrid app with inheritAppConfig';

describe.each<Hosting>(['standalone microservice', 'hybrid app', 'hybrid app with inheritAppConfig'])('RPC isolation over TCP (%s)', (hosting) => {
  let ingest: SentryTestIngest;
  let app: INestMicroservice | INestApplication;
  let client: ClientProxy;
  const resolveUser = jest.fn((context: Parameters<typeof defaultResolveUser>[0]) =>
    // RPC has no request.user: this app's auth step leaves the checked principal in the payload.
    context.getType() === 'rpc' ? principalFromUser(context.switchToRpc().getData<WorkMessage>().auth) : defaultResolveUser(context),
  );

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    const port = await freePort();
    const logger = new CaptureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [
        SentryModule.forRoot({
          dsn: ingest.dsn,
          tracesSampleRate: 0,
          resolveUser,
          sdkOptions: { transportOptions: { bufferSize: 10_000 } },
          beforeBreadcrumb: (crumb) => (crumb.category === 'http' ? null : crumb),
        }),
        WorkRpcModule,
      ],
    })
      .setLogger(logger)
      .compile();
    const transport = { transport: Transport.TCP, options: { host: '127.0.0.1', port } } as const;
    if (hosting === 'standalone microservice') {
      app = moduleRef.createNestMicroservice({ ...transport, logger });
      await app.listen();
    } else {
      const http = moduleRef.createNestApplication({ logger });
      http.connectMicroservice(transport, { inheritAppConfig: hosting === 'hybrid app with inheritAppConfig' });
      await http.startAllMicroservices();
      await http.init();
      app = http;
    }
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await app.close();
    await ingest.close();
  });

  it('120 overlapping messages from 20 tenants: every event carries only its own message\'s data', async () => {
    const orders = makeOrders(120, 20, 'rpc');
    inFlight.max = 0;
    registryLookups.found = registryLookups.missing = 0;
    resolveUser.mockClear();
    await launchOverlapping(orders, 4, 10, async (order) => {
      const reply = firstValueFrom(client.send('work', { rid: order.rid, message: order.message, auth: order.user }));
      await expect(reply).rejects.toEqual({ status: 'error', message: `err:${order.rid}` });
    });
    const expected = expectedEventCount(orders);
    const events = await ingest.waitForEvents(expected, () => true, { timeoutMs: 60_000 });
    await Sentry.flush(2000);

    expect(inFlight.max).toBeGreaterThanOrEqual(50);
    expect(resolveUser).toHaveBeenCalledTimes(orders.length);
    // The filter found each message's scope by its TcpContext.
    expect(registryLookups).toEqual({ found: orders.length, missing: 0 });
    expect(findIsolationProblems(events, orders, { suite: 'rpc', route: 'work' }).slice(0, 20)).toEqual([]);
    expect(ingest.events).toHaveLength(expected);
  });
});
