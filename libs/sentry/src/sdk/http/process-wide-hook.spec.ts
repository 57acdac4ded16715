import * as diagnosticsChannel from 'node:diagnostics_channel';
import { isProcessWideHook, processWideHook } from './process-wide-hook';

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
