/**
 * A standalone app for the SIGTERM test, run in a child process so the signal
 * is real. Prints its URL on stdout once listening.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { SentryProbeModule } from './sentry-probe.controller';
import { listenForParent } from './listen-for-parent';

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
  await listenForParent(app);
}

void main();
