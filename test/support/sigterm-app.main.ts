/**
 * A standalone app for the SIGTERM test, run in a child process so the signal
 * is real. Prints its URL on stdout once listening.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { SentryProbeModule } from './sentry-probe.controller';

@Module({
  imports: [
    SentryModule.forRoot({ dsn: process.env.PROBE_DSN, tracesSampleRate: 0, shutdownTimeoutMs: 5000 }),
    SentryProbeModule,
  ],
})
class SigtermAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(SigtermAppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

void main();
