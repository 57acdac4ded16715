import { Logger, type Provider } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Pool } from 'pg';
import { demoConfig } from '../demo.config';
import { EMBEDDED_POSTGRES, PG_POOL } from './database.constants';
import { launchEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.launcher';
import { applySchema } from './database.schema';

const logger = new Logger('Database');

/** The embedded PostgreSQL, started only when no DATABASE_URL is set. */
export const embeddedPostgresProvider: Provider = {
  provide: EMBEDDED_POSTGRES,
  inject: [demoConfig.KEY],
  useFactory: (config: ConfigType<typeof demoConfig>): Promise<EmbeddedPostgresHandle> | null =>
    config.databaseUrl ? null : launchEmbeddedPostgres(config.postgresDir, logger),
};

/** One `pg` Pool for the app; the SDK's `pg` instrumentation (from the preload) traces its queries. */
export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [demoConfig.KEY, EMBEDDED_POSTGRES],
  useFactory: async (config: ConfigType<typeof demoConfig>, embedded: EmbeddedPostgresHandle | null): Promise<Pool> => {
    const pool = new Pool({ connectionString: config.databaseUrl ?? embedded!.url, max: 10 });
    // An idle client losing its connection must not crash the process.
    pool.on('error', (error) => logger.warn(`Idle PostgreSQL client failed: ${error.message}`));
    await applySchema(pool);
    if (config.databaseUrl) logger.log('Using the PostgreSQL at DATABASE_URL');
    return pool;
  },
};
