import { Controller, Get, Inject } from '@nestjs/common';
import type { Pool } from 'pg';
import { Public } from '../auth/public.decorator';
import { PG_POOL } from '../database/database.constants';

@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Liveness plus a database round trip; no key needed. */
  @Get()
  async check(): Promise<{ status: 'ok' }> {
    await this.pool.query('SELECT 1');
    return { status: 'ok' };
  }
}
