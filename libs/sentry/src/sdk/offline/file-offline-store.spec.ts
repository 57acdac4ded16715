import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnvelope, serializeEnvelope, type Envelope, type EventItem } from '@sentry/core';
import { FileOfflineStore, type FileOfflineStoreOptions } from './file-offline-store';
import { OfflineDropCounter } from './offline-drop-counter';

function eventEnvelope(id: string, message = `message ${id}`): Envelope {
  const item: EventItem = [{ type: 'event' }, { event_id: id, message }];
  return createEnvelope({ event_id: id, sent_at: new Date().toISOString() }, [item]);
}

function idOf(envelope: Envelope | undefined): unknown {
  return envelope?.[0].event_id;
}

describe('FileOfflineStore', () => {
  let dir: string;
  let warnings: string[];
  let clock: number;
  const make = (overrides: Partial<FileOfflineStoreOptions> = {}): FileOfflineStore =>
    new FileOfflineStore({
      dir,
      maxEvents: 100,
      maxBytes: 10 * 1024 * 1024,
      maxAgeMs: 3_600_000,
      drops: new OfflineDropCounter((line) => warnings.push(line), 60_000, () => clock),
      now: () => clock,
      ...overrides,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'offline-store-'));
    warnings = [];
    clock = 1_800_000_000_000;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives envelopes back in the order they were pushed, one file each, removing each file', async () => {
    const store = make();
    await Promise.all(['a', 'b', 'c'].map((id) => store.push(eventEnvelope(id))));
    expect(readdirSync(dir)).toHaveLength(3);
    expect([idOf(await store.shift()), idOf(await store.shift()), idOf(await store.shift())]).toEqual(['a', 'b', 'c']);
    expect(await store.shift()).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the queue across processes: a new store on the same directory sends what the last one left', async () => {
    const first = make();
    for (const id of ['a', 'b', 'c']) await first.push(eventEnvelope(id));
    writeFileSync(join(dir, '0000000000000001.envelope.123.tmp'), 'half a write');
    const second = make();
    expect(second.size.queued).toBe(3);
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);
    const back = await second.shift();
    expect(idOf(back)).toBe('a');
    expect(back?.[1][0][1]).toMatchObject({ message: 'message a' });
  });

  it('puts a failed retry back at the front (unshift), before envelopes pushed meanwhile', async () => {
    const store = make();
    await store.push(eventEnvelope('a'));
    await store.push(eventEnvelope('b'));
    const first = await store.shift();
    clock += 1000;
    await store.push(eventEnvelope('c'));
    await store.unshift(first!);
    const order = [];
    for (let next = await store.shift(); next; next = await store.shift()) order.push(idOf(next));
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('refuses envelopes beyond maxEvents and counts them', async () => {
    const store = make({ maxEvents: 3 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => store.push(eventEnvelope(id))));
    expect(readdirSync(dir)).toHaveLength(3);
    expect(store.size.queued).toBe(3);
    expect(warnings).toHaveLength(1); // the first drop is said at once, the rest at report()
    expect(warnings[0]).toContain('1 full');
  });

  it('refuses envelopes beyond maxBytes and counts them', async () => {
    const one = Buffer.byteLength(serializeEnvelope(eventEnvelope('a', 'x'.repeat(100))) as string);
    const store = make({ maxBytes: one * 2 + 1 });
    for (const id of ['a', 'b', 'c', 'd']) await store.push(eventEnvelope(id, 'x'.repeat(100)));
    expect(store.size).toEqual({ queued: 2, bytes: one * 2 });
    expect(warnings[0]).toContain('1 full');
  });

  it('counts an envelope it cannot write (directory gone) and carries on', async () => {
    const store = make();
    rmSync(dir, { recursive: true, force: true });
    await expect(store.push(eventEnvelope('a'))).resolves.toBeUndefined();
    expect(store.size.queued).toBe(0);
    expect(warnings[0]).toContain('1 not written');
    expect(await store.shift()).toBeUndefined();
  });

  it('drops envelopes older than maxAgeMs when it reaches them, counted and deleted', async () => {
    const store = make({ maxAgeMs: 60_000 });
    await store.push(eventEnvelope('old'));
    clock += 50_000;
    await store.push(eventEnvelope('young'));
    clock += 20_000; // 'old' is 70 s old, 'young' 20 s
    expect(idOf(await store.shift())).toBe('young');
    expect(readdirSync(dir)).toEqual([]);
    expect(warnings.join('\n')).toContain('1 too old');
  });

  it('skips, counts and deletes a corrupt file instead of wedging the queue', async () => {
    const store = make();
    await store.push(eventEnvelope('a'));
    const [name] = readdirSync(dir);
    writeFileSync(join(dir, name), '{"event_id": "a"'); // truncated JSON
    await store.push(eventEnvelope('b'));
    const reborn = make(); // also as a fresh process would find it
    expect(idOf(await reborn.shift())).toBe('b');
    expect(existsSync(join(dir, name))).toBe(false);
    expect(warnings.join('\n')).toContain('1 unreadable');
  });

  it('round-trips binary attachments byte for byte', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
    const envelope = createEnvelope<Envelope>({ event_id: 'bin' }, [
      [{ type: 'event' }, { event_id: 'bin' }],
      [{ type: 'attachment', length: bytes.length, filename: 'a.bin' }, bytes],
    ] as never);
    const store = make();
    await store.push(envelope);
    const back = await make().shift();
    expect(Array.from(back?.[1][1][1] as Uint8Array)).toEqual(Array.from(bytes));
  });
});

describe('OfflineDropCounter', () => {
  it('says the first drop at once, then at most once per interval, and the rest on report()', () => {
    const lines: string[] = [];
    let now = 0;
    const counter = new OfflineDropCounter((line) => lines.push(line), 60_000, () => now);
    for (let i = 0; i < 5; i += 1) counter.count('full');
    expect(lines).toHaveLength(1);
    counter.report();
    expect(lines[1]).toMatch(/dropped 4 envelope\(s\).*5 full/);
    counter.report();
    expect(lines).toHaveLength(2);
    now = 60_000;
    counter.count('corrupt');
    expect(lines[2]).toMatch(/dropped 1 envelope\(s\).*5 full, 0 too old, 1 unreadable/);
    expect(counter.snapshot()).toEqual({ full: 5, expired: 0, corrupt: 1, unwritable: 0 });
  });
});
