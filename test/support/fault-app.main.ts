/**
 * The app under test for the fault matrix and SIGTERM-under-load, run in its own
 * process so memory, crashes and signals are its own. Prints `LISTENING <url>`,
 * `FAULT-APP-UNHANDLED <detail>` on any unhandled rejection or uncaught exception,
 * and `FAULT-APP-CAPTURED <eventId>` for every error the module reported (when
 * FAULT_APP_LOG_IDS=1) and `FAULT-APP-SIGTERM` when the signal arrives, so the test can
 * compare what was captured before the signal against what was delivered.
 */
import 'reflect-metadata';
import { ConsoleLogger, Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryModule } from '../../libs/sentry/src';
import { FAULT_APP_MARKERS, type FaultAppStats } from './fault-app-contract';

// Writes to a pipe are synchronous on Linux: a marker is out before the process could die.
const print = (line: string): void => void process.stdout.write(`${line}\n`);

process.on('unhandledRejection', (reason) => print(`${FAULT_APP_MARKERS.unhandled} rejection ${String(reason)}`));
process.on('uncaughtExceptionMonitor', (error) => print(`${FAULT_APP_MARKERS.unhandled} exception ${String(error)}`));
// Once, and first: splits the captured ids into before and after the signal; Nest's own listener does the rest.
process.prependOnceListener('SIGTERM', () => print(FAULT_APP_MARKERS.sigterm));

const peak = { rssBytes: 0, heapUsedBytes: 0 };
function sampleMemory(): FaultAppStats {
  const { rss, heapUsed } = process.memoryUsage();
  peak.rssBytes = Math.max(peak.rssBytes, rss);
  peak.heapUsedBytes = Math.max(peak.heapUsedBytes, heapUsed);
  return { rssBytes: rss, heapUsedBytes: heapUsed, peakRssBytes: peak.rssBytes, peakHeapUsedBytes: peak.heapUsedBytes };
}
setInterval(sampleMemory, 50).unref();

let thrown = 0;

@Controller('fault')
class FaultController {
  @Get('json')
  json(): { ok: true; at: number } {
    return { ok: true, at: Date.now() };
  }

  /** A distinct message per request, so the error-storm guard never merges them. */
  @Get('boom')
  boom(@Query('tag') tag?: string): never {
    thrown += 1;
    throw new Error(`${tag ?? 'fault-boom'}-${process.pid}-${thrown}`);
  }

  /** Memory since start, peaks sampled every 50 ms; `reset=1` restarts the peaks. */
  @Get('stats')
  stats(@Query('reset') reset?: string): FaultAppStats & { thrown: number } {
    const stats = { ...sampleMemory(), thrown };
    if (reset === '1') Object.assign(peak, { rssBytes: 0, heapUsedBytes: 0 });
    return stats;
  }
}

/**
 * Drops Nest's stack trace per thrown error (context `ExceptionsHandler`): at 50 errors/s it costs
 * more CPU, in the app and in the test reading its output, than the capture being measured.
 * The module's own warnings (Sentry trouble) still print.
 */
class QuietExceptionsLogger extends ConsoleLogger {
  error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) !== 'ExceptionsHandler') super.error(message, ...rest);
  }
}

@Module({
  imports: [
    SentryModule.forRoot({
      dsn: process.env.FAULT_APP_DSN,
      tracesSampleRate: 0,
      shutdownTimeoutMs: Number(process.env.FAULT_APP_SHUTDOWN_MS ?? 2000),
      // Runs after scrubbing, as the event is handed to the transport: "captured" for the test.
      beforeSend: (event) => {
        if (process.env.FAULT_APP_LOG_IDS === '1') print(`${FAULT_APP_MARKERS.captured} ${event.event_id}`);
        return event;
      },
    }),
  ],
  controllers: [FaultController],
})
class FaultAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FaultAppModule, { logger: new QuietExceptionsLogger({ logLevels: ['error', 'warn'] }) });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  print(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);
}

void main();
