import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEmbeddedPostgres } from '../../apps/demo/src/database/embedded-postgres.launcher';

export interface TestPostgres {
  url: string;
  stop: () => Promise<void>;
}

const quiet = { log: () => undefined, error: () => undefined, warn: () => undefined };

/**
 * A real PostgreSQL (embedded-postgres binaries) on a free port, in a temp data dir,
 * through the demo's own launcher: its own process (embedded-postgres is ESM-only,
 * which jest cannot load), and usable as root from any checkout folder.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentry-pg-'));
  const server = await launchEmbeddedPostgres(dataDir, quiet);
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
