import { envelopeContainsItemType, makeOfflineTransport, type Envelope, type Transport, type TransportMakeRequestResponse } from '@sentry/core';
import type { makeNodeTransport, NodeOptions } from '@sentry/node';
import { FROM_ENVIRONMENT, type ResolvedSentryOptions } from '../../config/resolve-sentry-config';
import { SENTRY_ENV_VARIABLES } from '../../sentry.config';
import type { SentryLog } from '../../config/sentry-log';
import { makeLeanHttpTransport } from '../lean-http-transport';
import { SDK_TRANSPORT_BUFFER_SIZE } from '../../sdk-bridge/sentry/sentry-internals';
import { FileOfflineStore, type FileOfflineStoreOptions } from './file-offline-store';
import { OfflineDropCounter } from './offline-drop-counter';
import { registerOfflineQueue } from './offline-queue-stats';
import { OFFLINE_QUEUE_MESSAGES } from './offline-queue.messages';
import { prepareOfflineDir } from './prepare-offline-dir';

type MakeTransport = (options: Parameters<typeof makeNodeTransport>[0]) => Transport;

const HOUR_MS = 3_600_000;
const MEGABYTE = 1024 * 1024;
/** How often flush looks again for store writes that follow a failed send. */
const SETTLE_POLL_MS = 10;
/** Kept from a flush's time to write the envelopes still in flight to disk. */
const KEEP_MARGIN_MS = 200;

/**
 * The `transport` option for `Sentry.init`: with `offlineDir` set, Sentry's offline transport
 * around the SDK's HTTP transport (or yours, from `sdkOptions.transport`) and our file store.
 * Without it, or when the directory is unusable (said once), nothing: the SDK's default.
 */
export function durableTransportOption(
  options: ResolvedSentryOptions,
  logger: SentryLog,
): Pick<NodeOptions, 'transport'> {
  const dir = options.offlineDir?.trim();
  if (!dir) return {};
  const problem = prepareOfflineDir(dir);
  if (problem) {
    const fromEnv = (options as unknown as Record<symbol, unknown>)[FROM_ENVIRONMENT] !== undefined;
    const label = fromEnv ? SENTRY_ENV_VARIABLES.offlineDir : 'SentryModule option offlineDir';
    logger.error(OFFLINE_QUEUE_MESSAGES.unusableDir(label, dir, problem));
    return {};
  }
  const drops = new OfflineDropCounter((line) => logger.warn(line));
  const storeOptions: FileOfflineStoreOptions = {
    dir,
    maxEvents: options.offlineMaxEvents,
    maxBytes: options.offlineMaxMegabytes * MEGABYTE,
    maxAgeMs: options.offlineMaxAgeHours * HOUR_MS,
    drops,
  };
  const inner = (options.sdkOptions?.transport as MakeTransport | undefined) ?? nodeHttpTransport();
  return { transport: makeDurableTransport(inner, storeOptions) };
}

function makeDurableTransport(inner: MakeTransport, storeOptions: FileOfflineStoreOptions): MakeTransport {
  return (transportOptions) => {
    const store = new FileOfflineStore(storeOptions);
    registerOfflineQueue({ directory: storeOptions.dir, store, drops: storeOptions.drops });
    const requests = new InFlight<Envelope>();
    const sends = new InFlight<Envelope>();
    const counted: MakeTransport = (options) => {
      const transport = inner(options);
      const bufferSize = options.bufferSize ?? SDK_TRANSPORT_BUFFER_SIZE;
      const send = (envelope: Envelope): PromiseLike<TransportMakeRequestResponse> => {
        // The SDK's transport drops what its buffer has no room for (queue_overflow) and reports
        // success; failing instead sends the envelope to disk, to go out when the buffer drains.
        if (requests.count >= bufferSize) return Promise.reject(new Error(`Sentry transport buffer full (${bufferSize} envelopes in flight)`));
        return requests.track(envelope, transport.send(envelope).then(failOnServerError));
      };
      return { send, flush: (timeout) => transport.flush(timeout) };
    };
    const offline = makeOfflineTransport(counted)({ ...transportOptions, createStore: () => store, flushAtStartup: true });
    // flushAtStartup waits 5 s; what the last process left is better sent now (flush() without a
    // timeout restarts the drain at once). If the ingest is still down, the usual back-off follows.
    if (store.size.queued > 0) void Promise.resolve(offline.flush()).catch(() => undefined);
    return {
      send: (envelope: Envelope): PromiseLike<TransportMakeRequestResponse> => sends.track(envelope, offline.send(envelope)),
      flush: async (timeout?: number): Promise<boolean> => {
        const margin = timeout ? Math.min(KEEP_MARGIN_MS, timeout / 4) : 0;
        const deadline = timeout ? Date.now() + timeout - margin : Number.POSITIVE_INFINITY;
        try {
          const flushed = await offline.flush(timeout ? timeout - margin : timeout);
          // A failed send is written to the store only after the HTTP buffer has drained: wait for
          // that write too, or a shutdown while the ingest is down would lose the envelope.
          while (requests.count > 0 || sends.count > 0 || store.busy) {
            if (Date.now() >= deadline) {
              // Out of time with requests unanswered (ingest hanging): keep them for the next process.
              const unanswered = requests.pending().filter((envelope) => !envelopeContainsItemType(envelope, ['client_report']));
              await Promise.all(unanswered.map((envelope) => store.keep(envelope)));
              return false;
            }
            await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
          }
          return flushed;
        } finally {
          storeOptions.drops.report();
        }
      },
    };
  };
}

/**
 * The offline transport queues only sends that throw; any answer, 5xx included, counts as final.
 * A 5xx is the ingest (or its proxy) being down, so it is turned into a failure to keep the envelope.
 */
function failOnServerError(response: TransportMakeRequestResponse): TransportMakeRequestResponse {
  if ((response.statusCode ?? 0) >= 500) throw new Error(`Sentry ingest answered HTTP ${response.statusCode}`);
  return response;
}

function nodeHttpTransport(): MakeTransport {
  return (options) => makeLeanHttpTransport(options);
}

/** The items whose work has not settled yet. */
class InFlight<K extends object> {
  private readonly items = new Set<K>();

  get count(): number {
    return this.items.size;
  }

  pending(): K[] {
    return [...this.items];
  }

  track<T>(item: K, work: PromiseLike<T>): PromiseLike<T> {
    this.items.add(item);
    const done = (): void => {
      this.items.delete(item);
    };
    work.then(done, done);
    return work;
  }
}
