// Starts the built app (`node [preload] dist/main.js`) on a free port and waits until it
// answers; keeps its output so warnings can be recorded and failures explained.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { crashTail } from './exec.mjs';

export async function startApp({ runtime, appDir, nodeArgs, env, readyTimeoutMs = 30_000 }) {
  const port = await freePort();
  const child = spawn(runtime.node, [...nodeArgs, 'dist/main.js'], {
    cwd: appDir,
    env: { ...runtime.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const app = { url: `http://127.0.0.1:${port}`, output: () => output, stop: () => stop(child, exited) };

  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app exited before answering:\n${crashTail(output)}`);
    if (await answers(app.url)) return app;
    await sleep(200);
  }
  await app.stop();
  throw new Error(`app did not answer within ${readyTimeoutMs} ms:\n${crashTail(output)}`);
}

async function answers(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

async function stop(child, exited) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
