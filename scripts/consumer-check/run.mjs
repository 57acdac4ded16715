#!/usr/bin/env node
// Consumer check (see README.md): packs the built library and proves it installs cleanly
// and reports errors with user and tenant in a Nest 12 ESM app and a Nest 11 CJS app.
// Usage: node scripts/consumer-check/run.mjs [target ...]   (targets in lib/targets.mjs)
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startApp } from './lib/app-process.mjs';
import { crashTail } from './lib/exec.mjs';
import { expectOutgoingTrace } from './lib/expect-outgoing-trace.mjs';
import { expectTenantEvent } from './lib/expect-tenant-event.mjs';
import { assertNoPeerTrouble, npmInstall, npmRun } from './lib/npm-install.mjs';
import { packLibrary } from './lib/pack-library.mjs';
import { prepareApp } from './lib/prepare-app.mjs';
import { note, step, summary } from './lib/report.mjs';
import { TARGETS } from './lib/targets.mjs';

const wanted = process.argv.slice(2);
const sentryVersion = process.env.CONSUMER_CHECK_SENTRY_VERSION;
const keep = process.env.CONSUMER_CHECK_KEEP === '1';
const workDir = await mkdtemp(join(tmpdir(), 'consumer-check-'));
const appDirs = [];

try {
  const pack = await step(`npm pack ./libs/sentry${sentryVersion ? ` (Sentry pinned to ${sentryVersion}: diagnostic)` : ''}`, () =>
    packLibrary(workDir, { sentryVersion }),
  );
  console.log(`     ${pack.tarball}: ${pack.files} files, ${pack.size} bytes`);
  for (const target of TARGETS.filter((t) => wanted.length === 0 || wanted.includes(t.name))) {
    await checkTarget(target, pack.tarball).catch(() => undefined); // already reported; go on with the next app
  }
} catch {
  // reported by step()
} finally {
  if (!keep) for (const dir of [workDir, ...appDirs]) await rm(dir, { recursive: true, force: true });
  else console.log(`kept: ${[workDir, ...appDirs].join(' ')}`);
}
process.exitCode = summary() ? 0 : 1;

async function checkTarget(target, tarball) {
  const runtime = target.runtime();
  console.log(`\n== ${target.name} (${target.cli} scaffold) on Node ${runtime.version}`);
  const appDir = await prepareApp(target);
  appDirs.push(dirname(appDir));
  for (const [what, packages] of [['scaffold deps', []], [`<tarball> ${target.config}`, [tarball, target.config]]]) {
    const warnings = await step(`${target.name}: npm install ${what}`, () => npmInstall(runtime, appDir, packages, `npm install ${what}`));
    // Peer trouble fails the check but the install went through, so the app is still tried.
    const clean = await step(`${target.name}: npm install ${what}: no ERESOLVE, no peer warnings`, () => assertNoPeerTrouble(warnings), { fatal: false });
    if (clean) note('npm warnings', warnings);
  }
  await step(`${target.name}: npm run build (typechecks the imports)`, () => npmRun(runtime, appDir, 'build', 'npm run build'));
  // The app's own vitest, one spec per step: the ingest with the bare SDK, then with SentryModule.
  for (const spec of target.vitestSpecs) {
    await step(`${target.name}: npm test -- ${spec}`, () => npmRun(runtime, appDir, 'test', `npm test -- ${spec}`, [spec]), { fatal: false });
  }

  // The ingest comes from the installed tarball's ./testing export, as a user would import it.
  const { SentryTestIngest } = createRequire(join(appDir, 'package.json'))('nestjs-sentry-tenant/testing');
  const ingest = await SentryTestIngest.start();
  try {
    const scenarios = [{ label: 'node dist/main.js (init in SentryModule)', nodeArgs: [] }];
    for (const preload of target.preloads) scenarios.push({ label: `node ${preload.join(' ')} dist/main.js`, nodeArgs: preload });
    for (const [index, scenario] of scenarios.entries()) {
      const marker = { userId: `u-${target.name}-${index}`, tenantId: `t-${target.name}-${index}` };
      const printed = await step(`${target.name}: ${scenario.label}`, () => runScenario(runtime, appDir, scenario, ingest, marker), { fatal: false });
      note('app warnings', printed ?? []);
    }
  } finally {
    await ingest.close();
  }
}

async function runScenario(runtime, appDir, scenario, ingest, marker) {
  const app = await startApp({ runtime, appDir, nodeArgs: scenario.nodeArgs, env: { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '1' } });
  try {
    await expectTenantEvent(ingest, app.url, marker);
    await expectOutgoingTrace(ingest, app.url, marker.userId);
  } catch (error) {
    error.message += `\napp output (tail):\n${crashTail(app.output())}`;
    throw error;
  } finally {
    await app.stop();
  }
  return notable(app.output());
}

// What the app printed that a user would notice: warnings, errors and the SDK's own
// `[Sentry]` notices (its --require notice says neither), not the request logs.
function notable(output) {
  const noticed = /warn|deprecat|error|\[Sentry\]|no longer supported/i;
  return output.split('\n').filter((line) => noticed.test(line) && !/consumer-check boom|^\s+at /.test(line)).slice(0, 15);
}
