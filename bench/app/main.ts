/**
 * Entry of one bench app process. Talks to the harness over IPC only (ready,
 * memory and CPU samples, clock marks, exit), so HTTP carries nothing but the load.
 */
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { readAppLogger } from './app-logger';
import { BenchAppModule } from './bench-app.module';
import { isBenchMode } from './bench-modes';
import type { ChildMessage, ParentMessage } from './ipc-messages';

async function bootstrap(): Promise<void> {
  const mode = process.env.BENCH_MODE;
  if (!isBenchMode(mode)) throw new Error(`BENCH_MODE must be a known mode, got ${JSON.stringify(mode)}`);
  const appLogger = readAppLogger(process.env.BENCH_APP_LOGGER);
  // `logger: false` silences Nest's own logs, the per-error stack of its exception handler among them.
  const app = await NestFactory.create(BenchAppModule.forMode(mode, process.env.BENCH_DSN ?? ''), appLogger === 'off' ? { logger: false } : {});
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.on('message', (message: ParentMessage) => void onMessage(app, message));
  // The harness going away (crash, Ctrl-C) must not leave load-bearing orphans.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: address.port });
}

async function onMessage(app: INestApplication, message: ParentMessage): Promise<void> {
  if (message.type === 'mem') send({ type: 'mem', seq: message.seq, usage: process.memoryUsage() });
  if (message.type === 'cpu') send({ type: 'cpu', seq: message.seq, usage: process.cpuUsage() });
  // Same clock as V8's profile timestamps (monotonic, µs), to cut start-up out of a --cpu-prof profile.
  if (message.type === 'mark') send({ type: 'mark', seq: message.seq, monotonicUs: Number(process.hrtime.bigint() / 1000n) });
  if (message.type === 'exit') {
    // A normal exit, not a signal: --cpu-prof writes its profile only then.
    await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 3000))]);
    process.exit(0);
  }
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

bootstrap().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
