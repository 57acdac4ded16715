import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { SentryLogger } from '@app/sentry';
import { AppModule } from './app.module';
import { cheatSheet } from './cheat-sheet';
import { demoConfig, type DemoConfig } from './demo.config';
import { OrdersRepository } from './orders/orders.repository';

/** Start with the preload (see instrument.ts), e.g. via `npm start`. */
async function bootstrap(): Promise<void> {
  // bufferLogs: boot lines wait for SentryLogger, so they become breadcrumbs too.
  // abortOnError false: a failed boot throws (and is printed) instead of process.abort().
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(SentryLogger));
  // SIGINT/SIGTERM run the shutdown hooks: Sentry flushes, the pool closes, embedded PostgreSQL stops.
  app.enableShutdownHooks();

  const config = app.get<DemoConfig>(demoConfig.KEY);
  await (config.host ? app.listen(config.port, config.host) : app.listen(config.port));
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  const url = `http://${config.host && config.host !== '0.0.0.0' ? config.host : 'localhost'}:${port}`;

  const orderIds = await app.get(OrdersRepository).firstOrderIds();
  // Straight to stdout: the cheat sheet is for the terminal, not for Sentry.
  process.stdout.write(cheatSheet({ url, orderIds, env: process.env }));
  process.stdout.write(`Demo API listening on ${url}\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('Demo API failed to start:', error);
  // exit() rather than exitCode: open handles (the pool, the embedded PostgreSQL child) would keep
  // the process alive. That child sees its stdin close and stops on its own.
  process.exit(1);
});
