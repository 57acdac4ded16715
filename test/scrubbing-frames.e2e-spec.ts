import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event, StackFrame } from '@sentry/core';
import request from 'supertest';
import { startChildApp, type ChildApp } from './support/child-app';
import { benignOf, sensitiveOf } from './support/scrubbing-corpus';
import { appearsIn, leakedForms, secretTagsIn } from './support/scrubbing-envelope';

// includeLocalVariables opens the inspector and pauses on every exception: its own file, and the
// app in its own process (the SDK opens the inspector with a dynamic import() Jest refuses).
const SOURCE_FILE = join(__dirname, 'support', 'scrubbing-throwing-source.ts');

describe('scrubbing end to end: stack frames (local variables and source context)', () => {
  const sensitive = sensitiveOf('frames');
  const benign = benignOf('frames');
  let ingest: SentryTestIngest;
  let app: ChildApp;
  let raw: string;
  let event: Event | undefined;

  const throwSite = (candidate: Event): StackFrame | undefined =>
    candidate.exception?.values?.[0]?.stacktrace?.frames?.find((frame) => frame.function === 'unlockVault');

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    app = await startChildApp('test/support/scrubbing-frames.main.ts', { SCRUB_DSN: ingest.dsn });
    // The SDK starts its inspector worker asynchronously: throw until an event carries variables.
    for (let attempt = 1; attempt <= 50 && event === undefined; attempt++) {
      await request(app.url).get('/scrub-frames/vault').expect(500);
      const [latest] = (await ingest.waitForEvents(attempt, (candidate) => throwSite(candidate) !== undefined)).slice(-1);
      if (throwSite(latest)?.vars !== undefined) event = latest;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    raw = ingest.rawText();
  }, 60_000);
  afterAll(async () => {
    // Not SIGTERM: with the inspector open, Node 20 waits at exit for the debugger to disconnect.
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      const exited = once(app.child, 'exit');
      app.child.kill('SIGKILL');
      await exited;
    }
    await ingest?.close();
  });

  it('the throwing source file still holds every planted line and secret', () => {
    const source = readFileSync(SOURCE_FILE, 'utf8');
    for (const input of [...sensitive, ...benign]) {
      if (input.plant.via === 'sourceLine') expect(source).toContain(input.plant.line);
      if ('secret' in input) expect(source).toContain(input.secret);
    }
  });

  it('received an event whose throwing frame has variables and context lines', () => {
    expect(event).toBeDefined();
    const frame = throwSite(event!)!;
    expect(frame).toMatchObject({ in_app: true, filename: expect.stringContaining('scrubbing-throwing-source.ts') });
    expect(Object.keys(frame.vars ?? {})).toEqual(expect.arrayContaining(['passphrase', 'cardNote', 'passage', 'password']));
    expect([...(frame.pre_context ?? []), frame.context_line].join('\n')).toContain('const fallbackDsn');
  });

  it.each(sensitive.map((input) => [input.id, input] as const))('never sends %s', (_id, input) => {
    expect(leakedForms(raw, input.secret)).toEqual([]);
    if (input.shows !== undefined) expect({ id: input.id, shows: appearsIn(raw, input.shows) }).toEqual({ id: input.id, shows: true });
  });

  it('sends no piece of any tagged secret anywhere', () => {
    expect(secretTagsIn(raw)).toEqual([]);
  });

  it.each(benign.map((input) => [input.id, input] as const))('keeps %s readable', (_id, input) => {
    expect({ id: input.id, survives: appearsIn(raw, input.survives) }).toEqual({ id: input.id, survives: true });
  });
});
