import * as diagnosticsChannel from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { isProcessWideHook, processWideHook } from './process-wide-hook';

type ProcessWideHookModule = typeof import('./process-wide-hook');

/** This module loaded afresh in a new global object (a realm), as jest loads it for each test file. */
function loadInOwnRealm(): ProcessWideHookModule {
  const source = readFileSync(join(__dirname, 'process-wide-hook.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as ProcessWideHookModule };
  vm.runInNewContext(outputText, { require, module, exports: module.exports });
  return module.exports;
}

describe('processWideHook', () => {
  it('installs once per key and calls the handler of the latest copy', () => {
    const key = `spec-${process.pid}-${Date.now()}`;
    const channel = `app-sentry-spec:${key}`;
    const seen: string[] = [];
    let installs = 0;
    const install = (call: (message: unknown) => void) => {
      installs += 1;
      diagnosticsChannel.subscribe(channel, call);
    };
    // Two copies of a module, as jest loads one per test file.
    processWideHook(key, (message: unknown) => void seen.push(`first:${String(message)}`), install);
    processWideHook(key, (message: unknown) => void seen.push(`second:${String(message)}`), install);

    diagnosticsChannel.channel(channel).publish('request-1');

    expect(installs).toBe(1);
    expect(seen).toEqual(['second:request-1']);
  });

  it('installs once across copies loaded in different global objects (jest test files)', () => {
    const key = `realm-${process.pid}-${Date.now()}`;
    const channel = `app-sentry-spec:${key}`;
    const seen: string[] = [];
    let installs = 0;
    const install = (call: (message: unknown) => void) => {
      installs += 1;
      diagnosticsChannel.subscribe(channel, call);
    };
    loadInOwnRealm().processWideHook(key, (message: unknown) => void seen.push(`file-1:${String(message)}`), install);
    loadInOwnRealm().processWideHook(key, (message: unknown) => void seen.push(`file-2:${String(message)}`), install);

    diagnosticsChannel.channel(channel).publish('request-1');

    expect(installs).toBe(1);
    expect(seen).toEqual(['file-2:request-1']);
  });

  it('keeps keys apart', () => {
    const seen: string[] = [];
    const stamp = `${process.pid}-${Date.now()}`;
    const calls: Array<(message: string) => void> = [];
    processWideHook(`a-${stamp}`, (message: string) => void seen.push(`a:${message}`), (call) => calls.push(call));
    processWideHook(`b-${stamp}`, (message: string) => void seen.push(`b:${message}`), (call) => calls.push(call));

    calls.forEach((call) => call('x'));

    expect(seen).toEqual(['a:x', 'b:x']);
  });
});

describe('isProcessWideHook', () => {
  it('tells the installed hook from any other function', () => {
    let installed: unknown;
    processWideHook(`mark-${process.pid}-${Date.now()}`, () => 1, (call) => (installed = call));
    const handler = () => 1;

    expect(isProcessWideHook(installed)).toBe(true);
    expect(isProcessWideHook(handler)).toBe(false);
    expect(isProcessWideHook(undefined)).toBe(false);
  });
});
