import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { decodeBody, decompress, IngestRequestError } from './decode-body';
import { matchRoute, readBody, reply } from './ingest-http';
import { assertValidFault, planFor, type IngestFault } from './ingest-fault';
import { IngestRecorder } from './ingest-recorder';
import { toReceivedEnvelope } from './received-envelope';

/** @publicApi */
export interface SentryTestIngestOptions {
  /** Port on 127.0.0.1. @default 0 (a free port) */
  port?: number;
}

const PROJECT_ID = '1';

/**
 * A Sentry-compatible ingest on loopback for tests: point a real SDK at `ingest.dsn`,
 * then assert on what arrived (`events`, `logs`, `waitForEvent()`, ...) or switch on a
 * fault (`setFault()`, `down()`) to see how the app copes with a failing Sentry.
 * @publicApi
 */
export class SentryTestIngest extends IngestRecorder {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private fault: IngestFault | undefined;
  private boundPort = 0;
  private closed = false;

  private constructor() {
    super();
  }

  /** Starts listening on 127.0.0.1. */
  static async start(options: SentryTestIngestOptions = {}): Promise<SentryTestIngest> {
    const ingest = new SentryTestIngest();
    await ingest.listen(options.port ?? 0);
    return ingest;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  /** A DSN the SDK accepts: `http://public@127.0.0.1:<port>/1`. */
  get dsn(): string {
    return `http://public@127.0.0.1:${this.boundPort}/${PROJECT_ID}`;
  }

  /** The endpoint the SDK derives from `dsn`, for building a transport by hand. */
  get envelopeUrl(): string {
    return `${this.url}/api/${PROJECT_ID}/envelope/`;
  }

  /** False between `down()` and `up()`, and after `close()`. */
  get isUp(): boolean {
    return this.server !== undefined;
  }

  /** Switches the behaviour for requests arriving from now on; `undefined` restores normal. */
  setFault(fault: IngestFault | undefined): void {
    assertValidFault(fault);
    this.fault = fault?.kind === 'none' ? undefined : fault;
  }

  /** Stops listening and drops every connection, so the port refuses connections. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    // Destroying sockets also ends pending 'slow' delays; they then record nothing.
    for (const socket of this.sockets) socket.destroy();
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Listens again on the same port after `down()`. */
  async up(): Promise<void> {
    if (this.closed) throw new Error('SentryTestIngest is closed; start a new one');
    if (!this.server) await this.listen(this.boundPort);
  }

  /** Closes the server, destroys open (keep-alive and hanging) sockets, fails pending waits. */
  async close(): Promise<void> {
    this.closed = true;
    await this.down();
    this.stopWaiting();
  }

  private listen(port: number): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        this.server = server;
        this.boundPort = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.noteRequest();
    const plan = planFor(this.fault);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return this.noteRejected(); // the client (or down/close) dropped the connection
    }
    if (plan.action !== 'answer' || !plan.record) {
      this.noteRejected();
      // Reset only after reading the body: the client then reliably sees ECONNRESET, not EPIPE.
      if (plan.action === 'reset') req.socket.destroy();
      if (plan.action === 'answer') reply(res, plan.status, plan.headers, {});
      return; // 'hang': never answer; down()/close() destroy the socket
    }
    await this.delay(plan.delayMs, req.socket);
    if (req.socket.destroyed) return this.noteRejected(); // nobody left to answer
    try {
      const route = matchRoute(req);
      const raw = await decompress(body, req.headers['content-encoding']);
      const meta = { projectId: route.projectId, requestHeaders: req.headers };
      const envelope = toReceivedEnvelope(decodeBody(route.endpoint, raw), raw, meta);
      this.record(envelope);
      reply(res, plan.status, plan.headers, { id: String(envelope.headers.event_id ?? '') });
    } catch (error) {
      this.noteRejected();
      const status = error instanceof IngestRequestError ? error.status : 500;
      reply(res, status, {}, { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  // Ends early when the connection goes (client gave up, down(), close()), so no timer
  // outlives the socket and jest never waits on a slow answer nobody will read.
  private delay(ms: number, socket: Socket): Promise<void> {
    if (ms <= 0 || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        socket.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      socket.once('close', done);
    });
  }
}
