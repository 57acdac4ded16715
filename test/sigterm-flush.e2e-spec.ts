import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';

/** Starts the probe app in its own process and resolves with its URL. */
async function startChild(dsn: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'support/sigterm-app.main.ts')], {
    env: { ...process.env, PROBE_DSN: dsn, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${output}`)));
  });
  return { child, url };
}

describe('SIGTERM with enableShutdownHooks', () => {
  let ingest: SentryTestIngest;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterAll(() => ingest.close());

  it('delivers every event captured before the signal', async () => {
    ingest.setFault({ kind: 'slow', delayMs: 100 });
    const { child, url } = await startChild(ingest.dsn);
    const ids = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => (await request(url).post('/probe/exception').send({ text: `sigterm-${i}` }).expect(201)).body.eventId as string),
    );
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(ingest.events.map((event) => event.event_id).sort()).toEqual(ids.sort());
  }, 60_000);
});
