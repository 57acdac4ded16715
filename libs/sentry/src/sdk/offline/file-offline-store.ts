import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnvelope, serializeEnvelope, type Envelope, type OfflineStore } from '@sentry/core';
import type { OfflineDropCounter } from './offline-drop-counter';

export interface FileOfflineStoreOptions {
  dir: string;
  maxEvents: number;
  maxBytes: number;
  maxAgeMs: number;
  drops: OfflineDropCounter;
  now?: () => number;
}

/** Point-in-time figures of the queue. */
export interface OfflineQueueSize {
  queued: number;
  bytes: number;
}

interface Entry {
  /** Enqueue time in ms * 1000 + a sequence: orders the files (FIFO) and dates them (age). */
  key: number;
  bytes: number;
  /** Settles once the file is in place; false when it could not be written. */
  written: Promise<boolean>;
}

const SUFFIX = '.envelope';
const KEY_DIGITS = 16;

/**
 * The `OfflineStore` of Sentry's `makeOfflineTransport`, one file per envelope. The
 * index lives in memory (rebuilt from the directory at start), so bounds are exact and
 * `shift` never lists the directory; hence one directory per process. Files are written
 * to a temp name and renamed, so a crash never leaves half an envelope to send.
 * Nothing here throws: a failure is a counted drop.
 */
export class FileOfflineStore implements OfflineStore {
  private readonly entries: Entry[] = [];
  private totalBytes = 0;
  private lastKey = 0;
  /** Keys of envelopes handed out by `shift`, so `unshift` (a failed retry) puts them back in place. */
  private readonly lent = new WeakMap<Envelope, number>();
  /** Envelopes written by `keep` while still in flight: their later failure must not queue them twice. */
  private readonly kept = new WeakSet<Envelope>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly now: () => number;

  constructor(private readonly options: FileOfflineStoreOptions) {
    this.now = options.now ?? Date.now;
    this.loadExisting();
  }

  get size(): OfflineQueueSize {
    return { queued: this.entries.length, bytes: this.totalBytes };
  }

  /** True while a file is being written, read or removed. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  push(envelope: Envelope): Promise<void> {
    if (this.kept.has(envelope)) return Promise.resolve();
    const key = Math.max(this.now() * 1000, this.lastKey + 1);
    this.lastKey = key;
    return this.track(this.add(envelope, key));
  }

  unshift(envelope: Envelope): Promise<void> {
    if (this.kept.has(envelope)) return Promise.resolve();
    const head = this.entries[0]?.key;
    let key = this.lent.get(envelope) ?? (head === undefined ? this.now() * 1000 : head - 1);
    while (this.entries.some((entry) => entry.key === key)) key -= 1;
    return this.track(this.add(envelope, key));
  }

  /**
   * Queues an envelope whose send has not settled (shutdown ran out of time): kept rather than
   * lost, at the price of a second delivery if that send did land (Sentry drops repeated event ids).
   */
  keep(envelope: Envelope): Promise<void> {
    const written = this.push(envelope);
    this.kept.add(envelope);
    return written;
  }

  shift(): Promise<Envelope | undefined> {
    return this.track(this.takeOldest());
  }

  private async add(envelope: Envelope, key: number): Promise<void> {
    let data: Buffer;
    try {
      data = toBuffer(serializeEnvelope(envelope));
    } catch {
      return this.options.drops.count('unwritable');
    }
    if (this.entries.length >= this.options.maxEvents || this.totalBytes + data.length > this.options.maxBytes) {
      return this.options.drops.count('full');
    }
    // Indexed before the write settles, so concurrent pushes see the bound and shift keeps order.
    const entry: Entry = { key, bytes: data.length, written: this.write(key, data) };
    this.insert(entry);
    if (!(await entry.written)) {
      this.remove(entry);
      this.options.drops.count('unwritable');
    }
  }

  private async takeOldest(): Promise<Envelope | undefined> {
    for (let entry = this.entries[0]; entry; entry = this.entries[0]) {
      this.remove(entry);
      if (!(await entry.written)) continue; // already counted by add()
      const file = this.fileOf(entry.key);
      if (this.now() - entry.key / 1000 > this.options.maxAgeMs) {
        await unlink(file).catch(() => undefined);
        this.options.drops.count('expired');
        continue;
      }
      const envelope = await readEnvelope(file);
      // Removed before it is sent: a sent envelope is never sent again (see docs/offline-queue.md).
      await unlink(file).catch(() => undefined);
      if (!envelope) {
        this.options.drops.count('corrupt');
        continue;
      }
      this.lent.set(envelope, entry.key);
      return envelope;
    }
    return undefined;
  }

  private async write(key: number, data: Buffer): Promise<boolean> {
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      await writeFile(temp, data);
      await rename(temp, file);
      return true;
    } catch {
      await unlink(temp).catch(() => undefined);
      return false;
    }
  }

  /** Rebuilds the index from the files a previous process left; drops leftovers of interrupted writes. */
  private loadExisting(): void {
    let names: string[];
    try {
      names = readdirSync(this.options.dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const file = join(this.options.dir, name);
      try {
        if (name.endsWith('.tmp')) {
          unlinkSync(file);
          continue;
        }
        const key = keyOf(name);
        if (key === undefined) continue; // not ours: left alone
        this.insert({ key, bytes: statSync(file).size, written: Promise.resolve(true) });
        this.lastKey = Math.max(this.lastKey, key);
      } catch {
        // Vanished or unreadable: shift() counts it when it gets there, or it is simply gone.
      }
    }
  }

  private insert(entry: Entry): void {
    let index = this.entries.length;
    while (index > 0 && this.entries[index - 1].key > entry.key) index -= 1;
    this.entries.splice(index, 0, entry);
    this.totalBytes += entry.bytes;
  }

  private remove(entry: Entry): void {
    const index = this.entries.indexOf(entry);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.totalBytes -= entry.bytes;
  }

  private fileOf(key: number): string {
    return join(this.options.dir, `${String(key).padStart(KEY_DIGITS, '0')}${SUFFIX}`);
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    this.pending.add(operation);
    void operation.finally(() => this.pending.delete(operation)).catch(() => undefined);
    return operation;
  }
}

function keyOf(name: string): number | undefined {
  if (!name.endsWith(SUFFIX)) return undefined;
  const digits = name.slice(0, -SUFFIX.length);
  return /^\d{1,16}$/.test(digits) ? Number(digits) : undefined;
}

async function readEnvelope(file: string): Promise<Envelope | undefined> {
  try {
    const envelope = parseEnvelope(new Uint8Array(await readFile(file)));
    const [headers, items] = envelope;
    const valid = typeof headers === 'object' && headers !== null && Array.isArray(items) && items.length > 0;
    return valid ? envelope : undefined;
  } catch {
    return undefined;
  }
}

function toBuffer(serialized: string | Uint8Array): Buffer {
  return typeof serialized === 'string' ? Buffer.from(serialized, 'utf8') : Buffer.from(serialized);
}
