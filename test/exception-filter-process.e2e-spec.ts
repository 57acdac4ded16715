import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SentryTestIngest } from '@app/sentry/testing';
import { newMarker } from './support/filter-markers';

interface ChildResult {
  code: number | null;
  output: string;
}

/** Runs the process-errors app in its own Node process (process-wide hooks need one) until it exits. */
async function runChild(env: Record<string, string>, nodeFlags: string[] = []): Promise<ChildResult> {
  const root = join(__dirname, '..');
  const child = spawn(
    process.execPath,
    [...nodeFlags, '-r', 'ts-node/register/transpile-only', join(__dirname, 'support/filter-process-errors.main.ts')],
    { cwd: root, env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(root, 'tsconfig.json'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('errors outside requests keep Node semantics (child processes)', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  it('an uncaught exception is captured, then the process exits with code 1 as Node would', async () => {
    const marker = newMarker('uncaught');
    const { code, output } = await runChild({ PROBE_DSN: ingest.dsn, CRASH: 'uncaught', MARKER: marker });
    expect(code).toBe(1);
    expect(output).toContain(`Error: uncaught ${marker}`);
    // Delivered before the exit: no waiting needed, it is already here.
    const [event] = ingest.events.filter((e) => e.exception?.values?.[0]?.value === `uncaught ${marker}`);
    expect(event.level).toBe('fatal');
    expect(event.exception!.values![0].mechanism).toMatchObject({ type: 'auto.node.onuncaughtexception', handled: false });
  }, 60_000);

  it('an unhandled rejection is captured, then the process exits with code 1 (Node 20 default: throw)', async () => {
    const marker = newMarker('rejection');
    // Without the SDK's listener Node would crash; with its default ('warn') mode the process would carry on.
    const { code, output } = await runChild({ PROBE_DSN: ingest.dsn, CRASH: 'rejection', MARKER: marker });
    expect(code).toBe(1);
    expect(output).toContain(`rejected ${marker}`);
    const matching = ingest.events.filter((e) => e.exception?.values?.[0]?.value === `rejected ${marker}`);
    expect(matching).toHaveLength(1);
    expect(matching[0].exception!.values![0].mechanism).toMatchObject({ type: 'auto.node.onunhandledrejection', handled: false });
  }, 60_000);

  it('with --unhandled-rejections=warn the rejection is captured and the process lives on, as Node would', async () => {
    const marker = newMarker('rejection-warn');
    const { code, output } = await runChild({ PROBE_DSN: ingest.dsn, CRASH: 'rejection', MARKER: marker, SURVIVE: '1' }, [
      '--unhandled-rejections=warn',
    ]);
    expect(output).toContain('SURVIVED');
    expect(code).toBe(0);
    expect(ingest.events.filter((e) => e.exception?.values?.[0]?.value === `rejected ${marker}`)).toHaveLength(1);
  }, 60_000);
});
