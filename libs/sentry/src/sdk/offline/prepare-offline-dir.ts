import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates the directory and proves it writable, synchronously at init, so a bad path is
 * one clear line at boot rather than a silent drop per event later.
 * @returns why it cannot be used, or undefined when it can
 */
export function prepareOfflineDir(dir: string): string | undefined {
  const probe = join(dir, `.write-probe.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    unlinkSync(probe);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
