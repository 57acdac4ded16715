import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { EMBEDDED_POSTGRES, PG_POOL } from './database.constants';
import type { EmbeddedPostgresHandle } from './embedded-postgres.launcher';

/** Closes the pool, then stops the embedded server; runs on `app.close()` and on SIGINT/SIGTERM. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgresHandle | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
    await this.embedded?.stop();
  }
}
