import { Module } from '@nestjs/common';
import { DatabaseShutdown } from './database-shutdown.hook';
import { embeddedPostgresProvider, pgPoolProvider } from './database.providers';
import { PG_POOL } from './database.constants';

/** PostgreSQL for the demo: the server at DATABASE_URL, else an embedded one. */
@Module({
  providers: [embeddedPostgresProvider, pgPoolProvider, DatabaseShutdown],
  exports: [PG_POOL],
})
export class DatabaseModule {}
