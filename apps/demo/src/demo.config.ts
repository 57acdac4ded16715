import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';

/**
 * The demo's own settings (the `SENTRY_*` ones belong to `SentryModule`).
 * Inject with `@Inject(demoConfig.KEY) config: ConfigType<typeof demoConfig>`.
 */
export const demoConfig = registerAs('demo', () => ({
  /** HTTP port; 0 picks a free one (tests). @default 3000 */
  port: Number(process.env.PORT || 3000),
  /** Interface to bind; unset = all interfaces, like a plain Nest app. */
  host: process.env.HOST || undefined,
  /** An existing PostgreSQL; unset = the embedded one below. */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** Data directory of the embedded PostgreSQL, kept between runs. @default .data/postgres */
  postgresDir: resolve(process.env.DEMO_POSTGRES_DIR || '.data/postgres'),
}));

export type DemoConfig = ReturnType<typeof demoConfig>;
