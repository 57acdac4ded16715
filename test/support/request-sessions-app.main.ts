/**
 * A standalone errors-only app for the release-health test: in its own process, so the
 * only HTTP server the SDK sees is the app's (an in-process ingest's requests would be
 * counted as sessions too). Prints its URL once listening; SIGTERM flushes.
 */
import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { listenForParent } from './listen-for-parent';

@Controller('sessions')
class SessionsController {
  @Get('ok')
  ok(): { ok: true } {
    return { ok: true };
  }

  @Get('fail')
  fail(): never {
    throw new Error('session-get-failed');
  }

  @Post('fail')
  failWithBody(@Body() body: { note?: string }): never {
    throw new Error(`session-post-failed:${body.note ?? ''}`);
  }
}

@Module({
  imports: [SentryModule.forRoot({ dsn: process.env.PROBE_DSN, tracesSampleRate: 0, shutdownTimeoutMs: 5000 })],
  controllers: [SessionsController],
})
class RequestSessionsAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(RequestSessionsAppModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await listenForParent(app);
}

void main();
