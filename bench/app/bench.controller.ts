import { Controller, Get, Param } from '@nestjs/common';

/**
 * The three workloads every mode serves. Errors are plain `Error`s, not
 * HttpExceptions: an unexpected failure is what both filters must capture.
 */
@Controller()
export class BenchController {
  @Get('json')
  json(): { ok: boolean; service: string; items: number[] } {
    return { ok: true, service: 'bench', items: [1, 2, 3] };
  }

  /** A distinct message per request, so the SDK's dedupe never merges two failures. */
  @Get('throw/:id')
  throwing(@Param('id') id: string): never {
    throw new Error(`bench failure ${id}`);
  }

  /** The same failure at full load: a fresh Error with one message, as a failing dependency would give. */
  @Get('storm')
  storm(): never {
    throw new Error('bench storm');
  }
}
