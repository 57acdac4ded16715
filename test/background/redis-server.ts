import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '../support/scope-free-port';

export interface TestRedis {
  port: number;
  stop: () => Promise<void>;
}

const MISSING = 'redis-server is not installed: the BullMQ tests need a real Redis. Install it with `apt-get update && apt-get install -y redis-server` (.ci/run does).';

/** A throw-away Redis on a free loopback port, no persistence; fails (never skips) without the binary. */
export async function startTestRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error) throw new Error(MISSING);
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await ready(child);
  return {
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function ready(child: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => reject(new Error(`${MISSING} (${error.message})`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited early (${code}):\n${output}`)));
  });
}
