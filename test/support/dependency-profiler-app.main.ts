/**
 * A child-process app for the profiler faults: started with the fault preload, then
 * `-r libs/sentry/src/instrument.ts` (tracing and profiling on, from SENTRY_*), so the profiler is
 * loaded the way production loads it.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { SentryProbeModule } from './sentry-probe.controller';

@Module({ imports: [SentryModule.forRoot({}), SentryProbeModule] })
class ProfilerFaultAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(ProfilerFaultAppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

void main();
