/**
 * A child process for the process-error test: boots SentryModule (light SDK),
 * then fails outside any request as CRASH says. With SURVIVE=1 it reports that
 * it is still alive afterwards and shuts down cleanly.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';

@Module({ imports: [SentryModule.forRoot({ dsn: process.env.PROBE_DSN, tracesSampleRate: 0, shutdownTimeoutMs: 5000 })] })
class ProcessErrorsModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProcessErrorsModule, { logger: ['error', 'warn'] });
  const marker = process.env.MARKER ?? 'no-marker';
  if (process.env.CRASH === 'uncaught') {
    setTimeout(() => {
      throw new Error(`uncaught ${marker}`);
    });
  } else {
    void Promise.reject(new Error(`rejected ${marker}`));
  }
  if (process.env.SURVIVE === '1') {
    // Unhandled rejections are reported after the microtask queue drains; a timer comes later.
    setTimeout(() => {
      process.stdout.write('SURVIVED\n');
      void app.close();
    }, 100);
  }
}

void main();
