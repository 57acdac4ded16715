import { SentryTestIngest } from '@app/sentry/testing';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startChildApp } from '../support/child-app';

// The native profiler, missing or failing to load, in a fresh process started the production way
// (the instrument preload, tracing and profiling on). One clear warning line; errors and
// transactions still arrive; the boot never fails and error tracking is never turned off.
// (An in-process variant with jest.mock: test/tracing-late-init.e2e-spec.ts.)

const ENTRY = 'test/support/dependency-profiler-app.main.ts';
const PRELOADS = ['test/support/dependency-profiler-fault.preload.ts', 'libs/sentry/src/instrument.ts'];
const UNAVAILABLE = 'Sentry profiling is unavailable';

const CORRUPT_BINARY = join(tmpdir(), `dependency-faults-corrupt-${process.pid}.node`);

/** A "native addon" that is a text file: dlopen fails exactly as with a binary for another platform. */
function corruptBinary(): string {
  writeFileSync(CORRUPT_BINARY, 'this is not a shared object\n');
  return CORRUPT_BINARY;
}

describe('profiler addon missing or failing to load (child process, instrument preload)', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(async () => {
    await ingest.close();
    rmSync(CORRUPT_BINARY, { force: true });
  });

  async function runApp(name: string, fault: Record<string, string>) {
    const app = await startChildApp(
      ENTRY,
      { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', SENTRY_PROFILES_SAMPLE_RATE: '1', NO_COLOR: '1', ...fault },
      PRELOADS,
    );
    try {
      const marker = `profiler fault: ${name}`;
      await request(app.url).post('/probe/exception').send({ text: marker }).expect(201);
      const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === marker);
      const transaction = await ingest.waitForTransaction((t) => t.contexts?.trace?.trace_id === event.contexts?.trace?.trace_id);
      return { output: app.output(), transaction };
    } finally {
      await app.stop();
    }
  }

  it.each<[string, Record<string, string>, RegExp]>([
    ['not installed', { PROFILER_FAULT: 'missing' }, /Cannot find module '@sentry\/profiling-node'/],
    ['a corrupt native binary', { SENTRY_PROFILER_BINARY_PATH: corruptBinary() }, /invalid ELF header|not a valid|file too short/i],
    ['throwing while the SDK sets it up', { PROFILER_FAULT: 'setup-throws' }, /simulated: the profiler failed to start/],
  ])('%s: one warning line naming the cause, the app serves, errors and transactions arrive', async (name, fault, cause) => {
    const { output, transaction } = await runApp(name, fault);
    const warnings = output.split('\n').filter((line) => line.includes(UNAVAILABLE));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(cause);
    expect(warnings[0]).toContain('SENTRY_PROFILES_SAMPLE_RATE=0');
    expect(output).not.toContain('Failed to initialize Sentry');
    expect(transaction.transaction).toBe('POST /probe/exception');
  });

  it('control: with the addon intact, no warning, and profile chunks arrive', async () => {
    const { output } = await runApp('none', {});
    expect(output).not.toContain(UNAVAILABLE);
    await ingest.waitForItem('profile_chunk');
  });
});
