import { Module, type DynamicModule } from '@nestjs/common';
import type { BenchMode } from './bench-modes';
import { BenchController } from './bench.controller';
import { wiringFor } from './mode-imports';

/** One app for every mode: only the Sentry wiring differs. */
@Module({})
export class BenchAppModule {
  static forMode(mode: BenchMode, dsn: string): DynamicModule {
    const { imports, providers } = wiringFor(mode, dsn);
    return { module: BenchAppModule, imports, providers, controllers: [BenchController] };
  }
}
