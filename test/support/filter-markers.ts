import { randomUUID } from 'node:crypto';
import type { SentryTestIngest } from '@app/sentry/testing';
import { flush, type Event } from '@sentry/core';

/** A marker unique to one test, put into error messages so assertions see only their own events. */
export function newMarker(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Events whose exception value, message or request URL contains the marker. Not the
 * whole event: the test's own requests to the app are breadcrumbs on later events.
 */
export function eventsWith(ingest: SentryTestIngest, marker: string): Event[] {
  return ingest.events.filter((event) => textOf(event).includes(marker));
}

/**
 * Proves absence without sleeping: has the app capture a later marker message,
 * drains the (in-process) client and waits for the marker. Events are processed
 * asynchronously (source context is read from disk), so the marker alone could
 * overtake an earlier event; after the flush, whatever was captured has arrived.
 */
export async function waitForLaterMarker(ingest: SentryTestIngest, sendMarker: (marker: string) => Promise<unknown>): Promise<void> {
  const marker = newMarker('later-marker');
  await sendMarker(marker);
  await flush(5000);
  await ingest.waitForEvent((event) => event.message === marker);
}

export function textOf(event: Event): string {
  const values = (event.exception?.values ?? []).map((value) => value.value ?? '');
  return [event.message ?? '', event.request?.url ?? '', ...values].join('\n');
}
