import type { Event } from '@sentry/core';
import { MARKER_CATEGORY, type WorkOrder } from './scope-load';

/** Matches every unit-of-work id `makeOrders` hands out (rq-0042-express). */
export const RID_PATTERN = /rq-\d{4}-[a-z]+/g;

/**
 * Every problem found: an event missing, extra or duplicated, or carrying anything
 * (user, tenant, tags, breadcrumbs) that is not its own unit of work's. [] means zero leaks.
 */
export function findIsolationProblems(
  events: readonly Event[],
  orders: readonly WorkOrder[],
  staticTags: Record<string, string> = {},
): string[] {
  const byRid = new Map(orders.map((order) => [order.rid, order]));
  const seen = new Map<string, { error: number; message: number }>();
  const problems: string[] = [];
  for (const event of events) {
    const kind = event.exception ? 'error' : 'message';
    const text = kind === 'error' ? event.exception?.values?.[0]?.value : (event.message as string | undefined);
    const rid = /^(?:err|msg):(.*)$/.exec(text ?? '')?.[1];
    const order = rid ? byRid.get(rid) : undefined;
    if (!rid || !order) {
      problems.push(`unexpected event: ${text}`);
      continue;
    }
    const counts = seen.get(rid) ?? { error: 0, message: 0 };
    counts[kind] += 1;
    seen.set(rid, counts);
    problems.push(...checkEvent(event, kind, order, staticTags));
  }
  for (const order of orders) {
    const counts = seen.get(order.rid) ?? { error: 0, message: 0 };
    if (counts.error !== 1) problems.push(`${order.rid}: ${counts.error} error events, expected 1`);
    if (counts.message !== (order.message ? 1 : 0)) problems.push(`${order.rid}: ${counts.message} message events`);
  }
  return problems;
}

function checkEvent(event: Event, kind: 'error' | 'message', order: WorkOrder, staticTags: Record<string, string>): string[] {
  const problems: string[] = [];
  const where = `${order.rid} (${kind})`;
  const expect = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${where}: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  };
  expect('user.id', event.user?.id, order.userId);
  expect('user.email', event.user?.email, order.email);
  expect('tags.tenant_id', event.tags?.tenant_id, order.tenantId);
  expect('contexts.tenant', event.contexts?.tenant, { tenant_id: order.tenantId });
  expect('tags.request_id', event.tags?.request_id, order.rid);
  for (const [key, value] of Object.entries(staticTags)) expect(`tags.${key}`, event.tags?.[key], value);
  const markers = (event.breadcrumbs ?? []).filter((crumb) => crumb.category === MARKER_CATEGORY).map((crumb) => crumb.message);
  const steps = kind === 'error' ? ['start', 'middle', 'end'] : ['start', 'middle'];
  expect('marker breadcrumbs', markers, steps.map((step) => `${order.rid}:${step}`));
  // Anything anywhere on the event that names another unit of work is a leak.
  const named = new Set(JSON.stringify([event.user, event.tags, event.contexts, event.breadcrumbs, event.extra, event.request]).match(RID_PATTERN));
  named.delete(order.rid);
  if (named.size > 0) problems.push(`${where}: carries data of ${[...named].join(', ')}`);
  return problems;
}
