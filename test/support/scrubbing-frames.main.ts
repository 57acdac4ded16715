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
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

void main();
