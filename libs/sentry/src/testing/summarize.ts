import type { Event } from '@sentry/core';
import type { ReceivedEnvelope, ReceivedItem } from './received-envelope';

const MAX_LISTED = 10;

/** One line on what arrived, appended to wait timeouts so a failure explains itself. */
export function summarize(envelopes: readonly ReceivedEnvelope[], requests: number, rejected: number): string {
  const items = envelopes.flatMap((envelope) => envelope.items);
  const listed = items.slice(0, MAX_LISTED).map(describeItem);
  if (items.length > MAX_LISTED) listed.push(`... ${items.length - MAX_LISTED} more`);
  const what = listed.length > 0 ? `: ${listed.join(', ')}` : '';
  return `Received ${requests} request(s), ${rejected} rejected, ${envelopes.length} envelope(s), ${items.length} item(s)${what}.`;
}

function describeItem(item: ReceivedItem): string {
  const payload = item.payload as Record<string, unknown> | undefined;
  switch (item.type) {
    case 'event':
      return `event(${JSON.stringify(clip(eventTitle(payload as Event)))})`;
    case 'transaction':
      return `transaction(${JSON.stringify(clip(String(payload?.transaction ?? '')))})`;
    case 'log':
      return `log(${Array.isArray(payload?.items) ? payload.items.length : 0} record(s))`;
    default:
      return item.type;
  }
}

function eventTitle(event: Event | undefined): string {
  const exception = event?.exception?.values?.[0];
  if (exception) return `${exception.type ?? 'Error'}: ${exception.value ?? ''}`;
  const message = event?.message ?? event?.logentry?.message;
  return typeof message === 'string' ? message : '';
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
