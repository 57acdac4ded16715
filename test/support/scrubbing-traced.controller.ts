import { get } from 'node:http';
import { Controller, Get, Module, Post, Query } from '@nestjs/common';
import { startNewTrace, startSpan } from '@sentry/core';
import { SentryService } from '../../libs/sentry/src';
import { plantsOf } from './scrubbing-corpus';

export const TRACED_MARKER = 'scrub-corpus traced';
export const TRACED_JOB_OP = 'scrub.job';

function httpGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    }).once('error', reject);
  });
}

/**
 * Runs in the tracing suite's child process (see `scrubbing-tracing.main.ts`), hence the
 * relative import of the library. Plants the `tracing` rows in a handler: a span named and attributed from the corpus, outgoing
 * HTTP calls (node:http and fetch) with the corpus queries to `echo` (a local server), then a
 * message event in the same trace, which carries the outgoing calls as breadcrumbs.
 */
@Controller('scrub-traced')
export class ScrubbingTracedController {
  constructor(private readonly sentry: SentryService) {}

  @Get('work')
  async work(@Query('echo') echo: string): Promise<{ ok: true }> {
    const attributes = Object.fromEntries(plantsOf('tracing', 'spanAttribute').map(({ plant }) => [plant.key, plant.value]));
    for (const { plant } of plantsOf('tracing', 'spanName')) {
      await startSpan({ name: plant.name, op: 'scrub.corpus', attributes }, async () => {
        for (const { plant: call } of plantsOf('tracing', 'outgoingHttp')) {
          const url = `${echo}${call.path ?? '/echo'}?${call.query}`;
          if (call.client === 'http') await httpGet(url);
          else await (await fetch(url)).text();
        }
      });
    }
    this.sentry.captureMessage(TRACED_MARKER, 'warning');
    return { ok: true };
  }

  /** A credential in the incoming path: the route template names the transaction, the URL carries the token. */
  @Get('invite/:token')
  invite(): { ok: true } {
    return { ok: true };
  }

  /** A background job: its own trace, so its name becomes the root of a sampling context. */
  @Post('job')
  job(): { ok: true } {
    setImmediate(() => {
      for (const { plant } of plantsOf('tracing', 'rootSpanName')) {
        startNewTrace(() => startSpan({ name: plant.name, op: TRACED_JOB_OP }, () => undefined));
      }
    });
    return { ok: true };
  }
}

@Module({ controllers: [ScrubbingTracedController] })
export class ScrubbingTracedModule {}
