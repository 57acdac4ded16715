import { createEnvelope, type Envelope } from '@sentry/core';
import { makeNodeTransport } from '@sentry/node';
import { sendTimeoutHttpModule } from '@app/sentry/sdk/transport-send-timeout';
import { SentryTestIngest } from '@app/sentry/testing';

/**
 * An ingest that accepts and never answers. The SDK's transport has at most 30 sockets and
 * no timeout on a request in flight: once 30 requests hang, later envelopes wait behind them
 * forever, even after the ingest recovers. The module's send timeout frees the sockets.
 */
const eventEnvelope = (message: string): Envelope =>
  createEnvelope<Envelope>({ event_id: undefined }, [[{ type: 'event' }, { message }]] as Envelope[1]);

describe('hanging ingest: the transport recovers only with a send timeout', () => {
  let ingest: SentryTestIngest;
  beforeEach(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(() => ingest.close()); // destroys the hung sockets, so nothing outlives the test

  async function deliveredAfterHang(httpModule?: ReturnType<typeof sendTimeoutHttpModule>): Promise<boolean> {
    const transport = makeNodeTransport({ url: ingest.envelopeUrl, recordDroppedEvent: () => undefined, keepAlive: true, httpModule });
    ingest.setFault({ kind: 'hang' });
    // More than the agent's 30 sockets; errors from the abandoned requests are expected.
    for (let i = 0; i < 35; i++) void Promise.resolve(transport.send(eventEnvelope(`hung-${i}`))).catch(() => undefined);
    await ingest.waitForRequests(30);
    ingest.setFault(undefined);
    void Promise.resolve(transport.send(eventEnvelope('after-recovery'))).catch(() => undefined);
    // Stuck is for good (no timeout frees a socket), so 2 s of nothing shows it; with the send
    // timeout, delivery is waited for with room for a busy machine.
    return ingest.waitForEvent((event) => event.message === 'after-recovery', { timeoutMs: httpModule ? 10_000 : 2_000 }).then(
      () => true,
      () => false,
    );
  }

  it("the SDK's own transport stays stuck after the ingest recovers", async () => {
    expect(await deliveredAfterHang()).toBe(false);
    expect(ingest.requestCount).toBe(30); // nothing after the 30 hung requests ever left
  });

  it('with the send timeout, hung requests are given up and the next event is delivered', async () => {
    expect(await deliveredAfterHang(sendTimeoutHttpModule(300))).toBe(true);
    // The 5 envelopes that queued behind the hung ones went out too, once sockets were free.
    expect(ingest.events.filter((event) => String(event.message).startsWith('hung-'))).toHaveLength(5);
  });
});
