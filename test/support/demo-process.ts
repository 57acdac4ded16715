import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DemoProcess {
  child: ChildProcess;
  /** The demo API, e.g. http://localhost:41234 */
  apiUrl: string;
  /** The Spotlight UI when the start script started one. */
  spotlightUrl?: string;
  /** Everything the start script and the app printed. */
  output: () => string;
  /** SIGTERM to the start script (as `docker stop` or a CI runner would); resolves with its exit code. */
  stop: () => Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..');
const BANNER = /Demo API: (\S+) — (?:Spotlight UI: (\S+)|events go to Sentry)/;

/**
 * Runs `npm start`'s script (`node scripts/start-demo.js`) exactly as a user would,
 * with a minimal environment: no `.env`, and only the variables given here.
 */
export async function startDemo(env: Record<string, string>): Promise<DemoProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start-demo.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DEMO_ENV_FILE: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const banner = await new Promise<RegExpExecArray>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = BANNER.exec(output);
      if (match) resolve(match);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(([code]) => reject(new Error(`start-demo exited early (${code}):\n${output}`)));
  });
  return {
    child,
    apiUrl: banner[1],
    spotlightUrl: banner[2],
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
