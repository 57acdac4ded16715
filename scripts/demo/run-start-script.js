'use strict';
// Runs `node scripts/start-demo.js` as a child and waits for its "Demo API: ..." banner.
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const { createServer } = require('node:net');
const { join } = require('node:path');

const BANNER = /Demo API: (\S+) — (?:Spotlight UI: (\S+)|events go to Sentry)/;

async function runStartScript(env, { echo = false } = {}) {
  const child = spawn(process.execPath, [join(__dirname, '..', 'start-demo.js')], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let output = '';
  const banner = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      if (echo) process.stdout.write(chunk);
      output += chunk.toString();
      const match = BANNER.exec(output);
      if (match) resolve(match);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(([code]) => reject(new Error(`start-demo exited early (code ${code}):\n${output}`)));
  });
  return {
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

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

module.exports = { runStartScript, freePort };
