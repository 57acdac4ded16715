import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvelope } from '@sentry/core';

/** Env of `offline-app.main.ts`: errors only, the durable queue in `dir`. */
export function offlineEnv(dsn: string, dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SENTRY_DSN: dsn,
    SENTRY_TRACES_SAMPLE_RATE: '0',
    SENTRY_SHUTDOWN_TIMEOUT_MS: '5000',
    SENTRY_OFFLINE_DIR: dir,
    ...extra,
  };
}

/** `count` requests, each throwing an error with its own message (the storm guard is per fingerprint). */
export async function sendErrors(url: string, count: number): Promise<void> {
  for (let batch = 0; batch < count; batch += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - batch) }, async (_, i) => {
        const response = await fetch(`${url}/offline/boom/${batch + i}`);
        if (response.status !== 500) throw new Error(`expected 500, got ${response.status}`);
        await response.arrayBuffer();
      }),
    );
  }
}

/** Event ids the child app printed from its beforeSend hook. */
export function capturedIds(output: string): string[] {
  return [...output.matchAll(/^CAPTURED (\w+)$/gm)].map((match) => match[1]);
}

/** Queue files, oldest first. */
export function queueFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.envelope'))
    .sort();
}

export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Error events waiting in the queue directory, oldest first, read back as the store does. */
export function queuedEvents(dir: string): Array<{ file: string; eventId: string }> {
  return queueFiles(dir).flatMap((file) => {
    const [, items] = parseEnvelope(new Uint8Array(readFileSync(join(dir, file))));
    return items
      .filter(([header]) => header.type === 'event')
      .map(([, payload]) => ({ file, eventId: (payload as { event_id: string }).event_id }));
  });
}

export function queuedEventIds(dir: string): string[] {
  return queuedEvents(dir).map((event) => event.eventId);
}
