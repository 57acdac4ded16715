import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's own package version: the nearest package.json above the entry
 * script, else above the working directory. Read once; undefined if none.
 */
export function findAppPackageVersion(): string | undefined {
  const starts = [require.main?.filename ? dirname(require.main.filename) : undefined, process.cwd()];
  for (const start of starts) {
    const version = start ? nearestPackageVersion(start) : undefined;
    if (version) return version;
  }
  return undefined;
}

function nearestPackageVersion(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && !dir.split(/[\\/]/).includes('node_modules')) {
      try {
        const version: unknown = JSON.parse(readFileSync(file, 'utf8')).version;
        return typeof version === 'string' && version !== '' ? version : undefined;
      } catch {
        return undefined;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
