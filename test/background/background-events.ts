import type { Event } from '@sentry/core';
import type { SentryTestIngest } from '@app/sentry/testing';

/** An event's error message, or its message for captureMessage events. */
export function messageOf(event: Event): string {
  return event.exception?.values?.[0]?.value ?? event.message ?? '';
}

/** What a background event says about its unit: the fields each test compares. */
export function unitOf(event: Event) {
  return {
    message: messageOf(event),
    transaction: event.transaction,
    mechanism: event.exception?.values?.[0]?.mechanism && {
      type: event.exception.values[0].mechanism.type,
      handled: event.exception.values[0].mechanism.handled,
    },
    user: event.user?.id,
    tenantTag: event.tags?.tenant_id,
    tenantContext: event.contexts?.tenant,
    crumbs: (event.breadcrumbs ?? []).filter((crumb) => crumb.category === 'unit').map((crumb) => crumb.message),
  };
}

/** Every event with this message, once everything sent so far has arrived (so a late duplicate would count). */
export async function eventsWithMessage(ingest: SentryTestIngest, flush: () => Promise<unknown>, message: string): Promise<Event[]> {
  await ingest.waitForEvent((event) => messageOf(event) === message, { timeoutMs: 20_000 });
  await flush();
  return ingest.events.filter((event) => messageOf(event) === message);
}
