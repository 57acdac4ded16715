/**
 * A child-process app for the preload tests: started with
 * `-r libs/sentry/src/instrument.ts`, so the SDK sees `http`, `pg` and Nest load.
 */
import 'reflect-metadata';
import {
  Catch,
  Controller,
  Get,
  Injectable,
  Module,
  ConflictException,
  Param,
  Query,
  ParseIntPipe,
  UseFilters,
  UseGuards,
  UseInterceptors,
  type ArgumentsHost,
  type CallHandler,
  type CanActivate,
  type ExceptionFilter,
  type MiddlewareConsumer,
  type NestInterceptor,
  type NestMiddleware,
  type NestModule,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { SentryModule } from '../../../libs/sentry/src';
import { callWithBothClients } from '../outgoing-calls';
import { listenForParent } from '../listen-for-parent';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

/* One of each Nest component the SDK's preloaded instrumentation traces. */
@Injectable()
class AllowGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

@Injectable()
class PassInterceptor implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler) {
    return next.handle();
  }
}

@Injectable()
class StampMiddleware implements NestMiddleware {
  use(_req: unknown, _res: unknown, next: () => void): void {
    next();
  }
}

@Catch(ConflictException)
class StaleOrderFilter implements ExceptionFilter {
  catch(_exception: ConflictException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<{ status(code: number): { send(body: string): void } }>().status(409).send('order changed meanwhile');
  }
}

@Controller('orders')
@UseGuards(AllowGuard)
@UseInterceptors(PassInterceptor)
class OrdersController {
  @Get(':id')
  async find(@Param('id', ParseIntPipe) id: number): Promise<unknown> {
    const { rows } = await pool.query('SELECT $1::text AS id, $2::text AS secret_param', [id, 'param-value-never-sent']);
    return rows[0];
  }

  /** Calls each URL of `to` with node:http, then with fetch: the outgoing-call tests read what arrived. */
  @Get(':id/outgoing')
  async outgoing(@Query('to') to: string): Promise<string> {
    await callWithBothClients(to);
    return 'called';
  }

  @Get(':id/stale')
  @UseFilters(StaleOrderFilter)
  stale(): never {
    throw new ConflictException();
  }

  @Get(':id/broken')
  async broken(): Promise<unknown> {
    return pool.query('SELECT * FROM table_that_does_not_exist');
  }
}

@Module({ imports: [SentryModule.forRoot({})], controllers: [OrdersController] })
class TracedAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StampMiddleware).forRoutes(OrdersController);
  }
}

async function main(): Promise<void> {
  const app = await NestFactory.create(TracedAppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  process.on('SIGTERM', () => void pool.end());
  await listenForParent(app);
}

void main();
