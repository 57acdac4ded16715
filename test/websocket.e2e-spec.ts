import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from './support/create-test-app';
import { FilterEventsGateway } from './support/filter-events.gateway';
import { eventsWith, newMarker, waitForLaterMarker } from './support/filter-markers';
import { createFilterTestApp } from './support/filter-test-app';

const GENERIC = { status: 'error', message: 'Internal server error' };

// A socket.io gateway with a real client, the real light SDK and the test ingest.
describe('SentryExceptionFilter in a WebSocket gateway (socket.io)', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let socket: Socket;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createFilterTestApp({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 })],
      providers: [FilterEventsGateway],
    });
    socket = io(testApp.url, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
  });
  afterAll(async () => {
    socket?.disconnect();
    await testApp?.app.close();
    await ingest.close();
  });

  /** Sends a message and resolves with the `exception` the server emits back. */
  function sendForException(event: string, data: unknown): Promise<unknown> {
    const answer = new Promise((resolve) => socket.once('exception', resolve));
    socket.emit(event, data);
    return answer;
  }
  const later = () => waitForLaterMarker(ingest, (marker) => socket.emitWithAck('marker', marker));
  const waitForMarked = (marker: string) => ingest.waitForEvent((event) => eventsWith(ingest, marker).includes(event));

  it("captures an unknown error once and emits Nest's generic `exception`", async () => {
    const marker = newMarker('ws-unknown');
    expect(await sendForException('order.fail', marker)).toEqual({ ...GENERIC, cause: { pattern: 'order.fail', data: marker } });
    const event = await waitForMarked(marker);
    expect(event.exception!.values![0]).toMatchObject({ type: 'OrderFailedError', value: `ws ${marker}` });
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.ws.nestjs.global_filter', handled: false });
    expect(event.transaction).toBe('order.fail');
    expect(event.contexts?.nestjs).toEqual({ context: 'ws', pattern: 'order.fail' });
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
    // The connection survives.
    expect(await socket.emitWithAck('ok', 'still-up')).toEqual({ echo: 'still-up' });
  });

  it("emits a WsException's message, and captures it (not an HttpException)", async () => {
    const marker = newMarker('ws-rejected');
    expect(await sendForException('order.rejected', marker)).toEqual({
      status: 'error',
      message: `rejected ${marker}`,
      cause: { pattern: 'order.rejected', data: marker },
    });
    expect((await waitForMarked(marker)).exception!.values![0].mechanism).toMatchObject({ type: 'auto.ws.nestjs.global_filter' });
  });

  it('skips a 4xx HttpException, captures a 5xx one; the client gets the generic error for both', async () => {
    const notFound = newMarker('ws-404');
    const unavailable = newMarker('ws-503');
    const body404 = { status: 404, marker: notFound };
    const body503 = { status: 503, marker: unavailable };
    expect(await sendForException('order.http', body404)).toEqual({ ...GENERIC, cause: { pattern: 'order.http', data: body404 } });
    expect(await sendForException('order.http', body503)).toEqual({ ...GENERIC, cause: { pattern: 'order.http', data: body503 } });
    await waitForMarked(unavailable);
    await later();
    expect(eventsWith(ingest, notFound)).toEqual([]);
  });

  it('captures an error thrown in a guard', async () => {
    const marker = newMarker('ws-guard');
    expect(await sendForException('order.guarded', marker)).toEqual({ ...GENERIC, cause: { pattern: 'order.guarded', data: marker } });
    expect((await waitForMarked(marker)).exception!.values![0].value).toBe(`ws guard ${marker}`);
  });

  it("leaves the gateway's own filter in charge of its exceptions; nothing is captured", async () => {
    const marker = newMarker('ws-quota');
    const answer = new Promise((resolve) => socket.once('quota', resolve));
    socket.emit('order.quota', marker);
    expect(await answer).toEqual({ message: `quota ${marker}` });
    await later();
    expect(eventsWith(ingest, marker)).toEqual([]);
  });

  it('does not send again what SentryService.captureException already captured', async () => {
    const marker = newMarker('ws-captured');
    await sendForException('order.captured', marker);
    expect((await waitForMarked(marker)).extra).toEqual({ by: 'service' });
    await later();
    expect(eventsWith(ingest, marker)).toHaveLength(1);
  });
});
