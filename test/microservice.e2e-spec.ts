import type { AddressInfo, Server } from 'node:net';
import type { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { lastValueFrom } from 'rxjs';
import { CaptureLogger } from './support/capture-logger';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { FilterRpcController } from './support/filter-rpc.controller';

// A real TCP microservice on loopback, the real light SDK and the test ingest.
describe('SentryExceptionFilter in a TCP microservice', () => {
  let ingest: SentryTestIngest;
  let app: INestMicroservice;
  let client: ClientProxy;
  let logger: CaptureLogger;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    logger = new CaptureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 })],
      controllers: [FilterRpcController],
    })
      .setLogger(logger)
      .compile();
    app = moduleRef.createNestMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host: '127.0.0.1', port: 0 } });
    app.useLogger(logger);
    await app.listen();
    const { port } = app.unwrap<Server>().address() as AddressInfo;
    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await client.connect();
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
    await ingest.close();
  });

  const send = <T = unknown>(cmd: string, data: unknown): Promise<T> => lastValueFrom(client.send<T>({ cmd }, data));
  const later = () => waitForLaterMarker(ingest, (marker) => send('marker', marker));
  const waitForMarked = (marker: string) => ingest.waitForEvent((event) => eventsWith(ingest, marker).includes(event));

  it('captures an unknown error once and answers with Nest\'s generic RPC error', async () => {
    const marker = newMarker('rpc-unknown');
    await expect(send('fail', marker)).rejects.toEqual({ status: 'error', message: 'Internal server error' });
    const event = await waitForMarked(marker);
    expect(event.exception!.values![0]).toMatchObject({ type: 'OrderFailedError', value: `rpc ${marker}` });
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.rpc.nestjs.global_filter', handled: false });
    expect(event.transaction).toBe('{"cmd":"fail"}');
    expect(event.contexts?.nestjs).toEqual({ context: 'rpc', pattern: '{"cmd":"fail"}' });
    expect(event.tags?.['http.status_code']).toBeUndefined();
    // The message's own scope (from the scope interceptor) is on the event.
    expect(event.tags).toMatchObject({ 'order.flow': 'rpc' });
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
    // The server is fine afterwards: no HTTP response method was called on the RPC host.
    await expect(send('ok', 'still-up')).resolves.toEqual({ echo: 'still-up' });
  });

  it("passes an RpcException's error object to the client, and captures it (not an HttpException)", async () => {
    const marker = newMarker('rpc-exception');
    await expect(send('rpc-exception', marker)).rejects.toEqual({ code: 'BAD_ORDER', marker });
    // An object error leaves Nest's generic message on the exception: found by its pattern (sent once in this file).
    const event = await ingest.waitForEvent((e) => e.contexts?.nestjs?.pattern === '{"cmd":"rpc-exception"}');
    expect(event.exception!.values![0]).toMatchObject({ value: 'Rpc Exception' });
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.rpc.nestjs.global_filter', handled: false });
  });

  it('skips a 4xx HttpException, captures a 5xx one; the client gets the generic error for both', async () => {
    const notFound = newMarker('rpc-404');
    const unavailable = newMarker('rpc-503');
    await expect(send('http', { status: 404, marker: notFound })).rejects.toEqual({ status: 'error', message: 'Internal server error' });
    await expect(send('http', { status: 503, marker: unavailable })).rejects.toEqual({ status: 'error', message: 'Internal server error' });
    await waitForMarked(unavailable);
    await later();
    expect(eventsWith(ingest, notFound)).toEqual([]);
  });

  it('captures an error thrown in a guard', async () => {
    const marker = newMarker('rpc-guard');
    await expect(send('guarded', marker)).rejects.toEqual({ status: 'error', message: 'Internal server error' });
    expect((await waitForMarked(marker)).exception!.values![0].value).toBe(`rpc guard ${marker}`);
  });

  it('captures an error thrown in an event handler (no reply to send)', async () => {
    const marker = newMarker('rpc-event');
    await lastValueFrom(client.emit('order.created', marker));
    const event = await waitForMarked(marker);
    expect(event.transaction).toBe('order.created');
  });

  it('does not send again what SentryService.captureException already captured', async () => {
    const marker = newMarker('rpc-captured');
    await expect(send('captured', marker)).rejects.toEqual({ status: 'error', message: 'Internal server error' });
    expect((await waitForMarked(marker)).extra).toEqual({ by: 'service' });
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });

  it("keeps Nest's RPC error log", () => {
    expect(logger.lines.some((line) => line.context === 'RpcExceptionsHandler' && line.level === 'error')).toBe(true);
  });
});
