import { Controller, Get, Module } from '@nestjs/common';
import { unlockVault } from './scrubbing-throwing-source';

/**
 * Calls the throwing source file from a handler; the global exception filter captures the error.
 * After a macrotask, so the stack is short: the SDK keeps the source of at most 10 files per event
 * (an LRU), and a stack through Nest, rxjs and Express spans more, dropping the innermost frame's.
 */
@Controller('scrub-frames')
export class ScrubbingFramesController {
  @Get('vault')
  async vault(): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    return unlockVault();
  }
}

@Module({ controllers: [ScrubbingFramesController] })
export class ScrubbingFramesModule {}
