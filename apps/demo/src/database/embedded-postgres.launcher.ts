import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';

/** A running embedded PostgreSQL. */
export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

// Under ts-node (npm start) the child needs ts-node too; compiled, it is plain JavaScript.
const SERVER_ARGS = __filename.endsWith('.ts')
  ? ['-r', 'ts-node/register/transpile-only', join(__dirname, 'embedded-postgres.server.ts')]
  : [join(__dirname, 'embedded-postgres.server.js')];
const START_TIMEOUT_MS = 60_000; // the first run also runs initdb
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts PostgreSQL 18 from the `embedded-postgres` binaries in a child process,
 * keeping its data in `dataDir` (initialised on first use, reused afterwards).
 * Detached, so a Ctrl-C in the terminal reaches the app first and the database
 * stays up until the app has shut down and stopped it.
 */
export async function launchEmbeddedPostgres(dataDir: string, logger: LoggerService): Promise<EmbeddedPostgresHandle> {
  mkdirSync(dataDir, { recursive: true });
  const startedAt = Date.now();
  const child = spawn(process.execPath, [...SERVER_ARGS, dataDir], { detached: true, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Embedded PostgreSQL not ready after ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`Embedded PostgreSQL exited with code ${code} before it was ready (see the lines above)`));
    });
  });
  logger.log(`Embedded PostgreSQL ready in ${Date.now() - startedAt} ms (data in ${dataDir})`);
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
