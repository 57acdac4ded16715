import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback upstream that answers 200 and keeps the headers of every request it gets. */
export class HeaderRecorder {
  readonly received: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<HeaderRecorder> {
    let recorder: HeaderRecorder | undefined;
    const server = createServer((req, res) => {
      recorder!.received.push({ path: req.url ?? '/', headers: req.headers });
      res.end('ok');
    });
    recorder = new HeaderRecorder(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return recorder;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
