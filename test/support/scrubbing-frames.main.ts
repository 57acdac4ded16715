/**
 * The frames suite's app, in its own process: `includeLocalVariables` needs the inspector, which
 * the SDK opens with a dynamic `import()` that Jest's module sandbox refuses. Prints its URL once
 * listening; sends to the ingest named by SCRUB_DSN.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { COLLECT_EVERYTHING } from './scrubbing-data-collection';
import { ScrubbingFramesModule } from './scrubbing-frames.controller';
import { listenForParent } from './listen-for-parent';

@Module({
  imports: [
    SentryModule.forRoot({
      dsn: process.env.SCRUB_DSN,
      tracesSampleRate: 0,
      sdkOptions: { includeLocalVariables: true, dataCollection: COLLECT_EVERYTHING },
    }),
    ScrubbingFramesModule,
  ],
})
class ScrubbingFramesAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(ScrubbingFramesAppModule, { logger: ['fatal'] });
  app.enableShutdownHooks();
  await listenForParent(app);
}

void main();
