'use strict';
// Runs the demo API in a child process, straight from TypeScript, with the Sentry preload.
const { spawn } = require('node:child_process');
const { constants } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');

/**
 * ts-node (transpile-only) instead of a build: no build step, and the preload stays a file
 * of its own. preload.mjs registers ts-node and tsconfig-paths (the `@app/sentry` alias) and
 * starts Sentry, through `--import` as Sentry 11 asks.
 */
const DEMO_APP_ARGS = ['--import', './scripts/demo/preload.mjs', 'scripts/demo/main.cjs'];

/** What main.ts prints once it listens. */
const READY_LINE = /Demo API listening on (\S+)/;
const FORCE_KILL_AFTER_MS = 15_000;

/**
 * Starts the demo API. Detached (its own process group), so a Ctrl-C reaches it once,
 * through `stop()`, not twice (terminal and npm both signal the foreground group, and a
 * second SIGINT during Nest's shutdown would kill it before Sentry has flushed).
 * Its stdout is passed through; `ready` resolves with its URL.
 */
function startDemoApp(env) {
  const child = spawn(process.execPath, DEMO_APP_ARGS, {
    cwd: ROOT,
    env: { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code: code ?? 128 + (constants.signals[signal] ?? 0), signal })),
  );
  const ready = new Promise((resolve, reject) => {
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-2048);
      const match = READY_LINE.exec(tail);
      if (match) resolve(match[1]);
    });
    exited.then(({ code }) => reject(new Error(`The demo API exited (code ${code}) before it was ready`)));
  });
  ready.catch(() => undefined); // a caller that only awaits `exited` must not see an unhandled rejection
  let stopping;
  /** Sends one signal, then SIGKILL if the app has not exited in time. */
  const stop = (signal = 'SIGTERM') =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      const timer = setTimeout(() => child.kill('SIGKILL'), FORCE_KILL_AFTER_MS);
      child.kill(signal);
      const result = await exited;
      clearTimeout(timer);
      return result;
    })());
  return { child, ready, exited, stop };
}

module.exports = { startDemoApp };
