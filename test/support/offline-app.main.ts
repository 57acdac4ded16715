/**
 * A real app with the durable queue, configured only from SENTRY_* variables, run in a
 * child process so a test can stop it with a real SIGTERM and start a fresh one on the
 * same queue directory. Prints `CAPTURED <event_id>` for every event it sends and
 * `LISTENING <url>` once up.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getOfflineQueueStats, readSentryEnvironment, SentryModule } from '../../libs/sentry/src';
import { listenForParent } from './listen-for-parent';

@Controller('offline')
class OfflineProbeController {
  /** A distinct message per call, so the error-storm guard (per fingerprint) lets every one through. */
  @Get('boom/:n')
  boom(@Param('n') n: string): never {
    throw new Error(`offline queue probe ${n}`);
  }

  @Get('stats')
  stats(): unknown {
    return { stats: getOfflineQueueStats() ?? null };
  }
}

@Module({
  imports: [
    SentryModule.forRootAsync({
      useFactory: () => ({
        ...readSentryEnvironment((name) => process.env[name]),
        beforeSend: (event) => {
          process.stdout.write(`CAPTURED ${event.event_id}\n`);
          return event;
        },
      }),
    }),
  ],
  controllers: [OfflineProbeController],
})
class OfflineAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(OfflineAppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await listenForParent(app);
}

void main();
