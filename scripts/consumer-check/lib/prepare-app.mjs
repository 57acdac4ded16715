// A fresh temp copy of a fixture with the check's files added and AppModule importing
// SentryModule.forRootAsync() and ConsumerCheckModule; the scaffold's own code stays as it is.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HERE = new URL('../', import.meta.url).pathname;

export async function prepareApp(target) {
  const appDir = join(await mkdtemp(join(tmpdir(), `consumer-${target.name}-`)), target.name);
  await cp(join(HERE, 'fixtures', target.name), appDir, { recursive: true });
  await cp(join(HERE, 'overlay'), appDir, { recursive: true });
  if (target.vitestSpecs.length > 0) await cp(join(HERE, 'overlay-specs'), appDir, { recursive: true });
  await importIntoAppModule(join(appDir, 'src/app.module.ts'));
  return appDir;
}

async function importIntoAppModule(file) {
  const source = await readFile(file, 'utf8');
  if (!source.includes('imports: [')) throw new Error(`${file}: no 'imports: [' to extend; the scaffold changed`);
  const header = [
    "import { SentryModule } from 'nestjs-sentry-tenant';",
    "import { ConsumerCheckModule } from './consumer-check/consumer-check.module.js';",
  ].join('\n');
  const patched = source.replace('imports: [', 'imports: [\n    SentryModule.forRootAsync(),\n    ConsumerCheckModule,');
  await writeFile(file, `${header}\n${patched}`);
}
