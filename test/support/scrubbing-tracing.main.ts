/**
 * The tracing suite's app, in its own process: tracing mode subscribes OpenTelemetry to
 * process-wide diagnostics channels that outlive a Jest test file, and two such files in one
 * worker register the Fastify plugin twice. SCRUB_PLATFORM picks Express or Fastify; sends to
 * the ingest named by SCRUB_DSN; prints its URL once listening.
 */
import 'reflect-metadata';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { SentryModule } from '../../libs/sentry/src';
import { COLLECT_EVERYTHING } from './scrubbing-data-collection';
import { ScrubbingTracedModule } from './scrubbing-traced.controller';
import { listenForParent } from './listen-for-parent';

@Module({
  imports: [
    SentryModule.forRoot({
      dsn: process.env.SCRUB_DSN,
      tracesSampleRate: 1,
      profilesSampleRate: 0,
      sdkOptions: { dataCollection: COLLECT_EVERYTHING },
    }),
    ScrubbingTracedModule,
  ],
})
class ScrubbingTracingAppModule {}

async function main(): Promise<void> {
  const options = { logger: ['fatal' as const] };
  const app: INestApplication =
    process.env.SCRUB_PLATFORM === 'fastify'
      ? await NestFactory.create(ScrubbingTracingAppModule, new FastifyAdapter(), options)
      : await NestFactory.create(ScrubbingTracingAppModule, options);
  app.enableShutdownHooks();
  await listenForParent(app);
}

void main();
