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
import { listenForParent } from './listen-for-parent';

@Module({ imports: [SentryModule.forRoot({}), SentryProbeModule] })
class ProfilerFaultAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(ProfilerFaultAppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await listenForParent(app);
}

void main();
