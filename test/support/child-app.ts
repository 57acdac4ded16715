import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export interface ChildApp {
  child: ChildProcess;
  url: string;
  /** Everything the child printed (stdout and stderr). */
  output: () => string;
  /** SIGTERM, then wait for exit. */
  stop: () => Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts a TypeScript entry in its own Node process (process-wide SDK hooks
 * and preloads need a fresh process) and resolves once it prints `LISTENING <url>`.
 */
export async function startChildApp(entry: string, env: Record<string, string>, preload: string[] = []): Promise<ChildApp> {
  const args = ['-r', 'ts-node/register/transpile-only', ...preload.flatMap((file) => ['-r', join(ROOT, file)]), join(ROOT, entry)];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited early (${code}):\n${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls the child's output until `done` holds; throws with the output after `timeoutMs`. */
export async function waitForOutput(app: ChildApp, done: (output: string) => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done(app.output())) {
    if (Date.now() > deadline) throw new Error(`child output never matched:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
