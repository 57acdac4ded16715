#!/usr/bin/env node
// Regenerates fixtures/<target> with the pinned Nest CLI (`nest new`, no install, no git),
// minus the files the check never uses. Run after bumping a CLI pin in lib/targets.mjs.
// CLI 12 needs Node >= 22.12, so every generation runs under Node 24.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from './lib/exec.mjs';
import { findNode24 } from './lib/node-runtime.mjs';
import { DROPPED_FROM_FIXTURE, TARGETS } from './lib/targets.mjs';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const node24 = findNode24();
const work = await mkdtemp(join(tmpdir(), 'nest-scaffold-'));
try {
  for (const target of TARGETS) {
    const args = ['exec', '--yes', '--', target.cli, 'new', target.name, '--skip-git', '--skip-install', '--package-manager', 'npm'];
    await exec(node24.node, [...node24.npm.slice(1), ...args], { cwd: work, env: node24.env, label: `${target.cli} new` });
    const generated = join(work, target.name);
    for (const name of DROPPED_FROM_FIXTURE) await rm(join(generated, name), { recursive: true, force: true });
    await rm(join(FIXTURES, target.name), { recursive: true, force: true });
    await cp(generated, join(FIXTURES, target.name), { recursive: true });
    console.log(`fixtures/${target.name}: regenerated with ${target.cli}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
