import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/** Source folders the bench app needs, relative to the repository root. */
const SOURCES = ['bench/app', 'libs/sentry/src'];

/**
 * Transpiles the bench app and the library to plain CommonJS once, so every mode
 * runs as `node main.js`: no ts-node hook and, above all, no source-map-support
 * rewriting each `error.stack`, which would tax the throwing routes unlike production.
 * Written under the repository (bench/.build) so `require` still finds the packages.
 * @returns the build root; the app entry is `<root>/bench/app/main.js`.
 */
export function compileBenchApp(repoRoot: string, outRoot: string): string {
  rmSync(outRoot, { recursive: true, force: true });
  const compilerOptions = readCompilerOptions(repoRoot);
  for (const folder of SOURCES) {
    for (const file of tsFiles(join(repoRoot, folder))) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file, reportDiagnostics: true });
      const errors = (output.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length > 0) throw new Error(`${relative(repoRoot, file)}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`);
      const target = join(outRoot, relative(repoRoot, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
  return outRoot;
}

/**
 * The repository's own settings (decorators, target), emitted as CommonJS without source maps.
 * CommonJS is forced rather than taken from `module: node20`, whose output format would follow
 * the nearest package.json `type`: the app requires its modes lazily, and Nest 12's ESM-only
 * packages load through Node's require(esm). Module resolution is dropped: a transpile resolves
 * nothing, and TypeScript 6 rejects the old `node10` value and `node16`/`nodenext` without their module.
 */
function readCompilerOptions(repoRoot: string): ts.CompilerOptions {
  const configPath = join(repoRoot, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  const { moduleResolution: _resolution, ...options } = parsed.options;
  return {
    ...options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    incremental: false,
  };
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}
