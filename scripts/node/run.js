#!/usr/bin/env node
'use strict';
// `node scripts/node/run.js <node args…>`: runs them on a supported Node (see supported-node.js),
// passing stdio, signals and the exit code through.
const { spawn } = require('node:child_process');
const { supportedNode } = require('./supported-node');

let node;
try {
  node = supportedNode();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const child = spawn(node, process.argv.slice(2), { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
