/**
 * A child-process app for the preload tests: started with
 * `-r libs/sentry/src/instrument.ts`, so the SDK sees `http`, `pg` and Nest load.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { SentryModule } from '../../../libs/sentry/src';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

@Controller('orders')
class OrdersController {
  @Get(':id')
  async find(@Param('id') id: string): Promise<unknown> {
    const { rows } = await pool.query('SELECT $1::text AS id, $2::text AS secret_param', [id, 'param-value-never-sent']);
    return rows[0];
  }

  @Get(':id/broken')
  async broken(): Promise<unknown> {
    return pool.query('SELECT * FROM table_that_does_not_exist');
  }
}

@Module({ imports: [SentryModule.forRoot({})], controllers: [OrdersController] })
class TracedAppModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(TracedAppModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  process.on('SIGTERM', () => void pool.end());
  process.stdout.write(`LISTENING ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}\n`);
}

void main();
