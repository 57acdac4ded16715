// `npm pack ./libs/sentry` (after the build), then a check that the tarball holds only the
// build: package.json, README/LICENSE, and dist/**/*.js|.d.ts with no specs.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from './exec.mjs';

const REPO_ROOT = new URL('../../../', import.meta.url).pathname;
const LIB = join(REPO_ROOT, 'libs/sentry');

export async function packLibrary(destination, { sentryVersion } = {}) {
  if (!existsSync(join(LIB, 'dist/index.js'))) throw new Error('libs/sentry/dist is missing: run `npm run build` first');
  const source = sentryVersion ? await stageWithSentry(sentryVersion) : LIB;
  const { stdout } = await exec('npm', ['pack', source, '--json', '--pack-destination', destination], { cwd: REPO_ROOT, label: 'npm pack' });
  const [info] = JSON.parse(stdout);
  const stray = info.files.map((file) => file.path).filter((path) => !isBuildFile(path));
  if (stray.length > 0) throw new Error(`tarball holds more than the build:\n${stray.join('\n')}`);
  return { tarball: join(destination, info.filename), files: info.files.length, size: info.size };
}

function isBuildFile(path) {
  if (['package.json', 'README.md', 'LICENSE'].includes(path)) return true;
  return path.startsWith('dist/') && /\.(js|d\.ts)$/.test(path) && !/\.(spec|e2e-spec)\./.test(path);
}

// Diagnostic only (CONSUMER_CHECK_SENTRY_VERSION): the same build with other Sentry pins,
// to see which failures are the Sentry version's and which are the packaging's.
async function stageWithSentry(version) {
  const stage = join(await mkdtemp(join(tmpdir(), 'sentry-pin-')), 'package');
  await cp(join(LIB, 'dist'), join(stage, 'dist'), { recursive: true });
  const manifest = JSON.parse(await readFile(join(LIB, 'package.json'), 'utf8'));
  for (const name of Object.keys(manifest.dependencies)) if (name.startsWith('@sentry/')) manifest.dependencies[name] = version;
  if (version.startsWith('10.')) manifest.dependencies['@sentry/node-core'] = version;
  await writeFile(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return stage;
}
