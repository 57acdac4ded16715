import type { Event } from '@sentry/core';

type Envelope = [Record<string, unknown>, Array<[{ type?: string }, unknown]>];

/**
 * Reads Spotlight's event stream (`GET /stream`, server-sent events; it replays what it
 * holds, then follows live) until an error or message event matches `predicate`.
 * This is what the Spotlight UI itself subscribes to.
 */
export async function waitForSpotlightEvent(spotlightUrl: string, predicate: (event: Event) => boolean, timeoutMs = 15_000): Promise<Event> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen: string[] = [];
  try {
    const response = await fetch(`${spotlightUrl}/stream`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const event of eventsIn(block)) {
          seen.push(event.exception?.values?.at(-1)?.type ?? event.message ?? '?');
          if (predicate(event)) return event;
        }
      }
    }
    throw new Error('Spotlight closed its stream');
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`No matching event in Spotlight after ${timeoutMs} ms; saw: ${seen.join(', ') || 'none'}`);
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function eventsIn(block: string): Event[] {
  const lines = block.split('\n');
  if (!lines.includes('event: application/x-sentry-envelope')) return [];
  const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
  const [, items] = JSON.parse(data) as Envelope;
  return items.filter(([header]) => header.type === 'event').map(([, payload]) => payload as Event);
}
