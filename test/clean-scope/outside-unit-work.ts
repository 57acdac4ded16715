import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SentryService } from '@app/sentry';
import * as Sentry from '@sentry/core';
import type { Event } from '@sentry/core';

/** The path of the outgoing call made outside any unit: its breadcrumb names it. */
export const OUTSIDE_PATH = '/outside-any-request';

/**
 * Records, outside any unit of work (the process-wide default scope), everything that
 * used to ride on every later request: a breadcrumb, user and tenant, a tag, a context,
 * an extra, and an outgoing HTTP call's breadcrumb.
 */
export async function recordOutsideAnyUnit(sentry: SentryService): Promise<void> {
  Sentry.addBreadcrumb({ category: 'outside', message: 'outside:crumb' });
  sentry.setUserContext('outside-user', 'outside-tenant');
  Sentry.setTag('outside_tag', 'yes');
  Sentry.setContext('outside_ctx', { where: 'top level' });
  Sentry.setExtra('outside_extra', 'yes');
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}${OUTSIDE_PATH}`, (res) => void res.resume().on("end", () => resolve())).on('error', reject);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Everything `recordOutsideAnyUnit` records, as `outsideDataOn` names it: what an event raised outside any unit carries. */
export const ALL_OUTSIDE_DATA: readonly string[] = [
  'breadcrumb',
  'outgoing call breadcrumb',
  'user outside-user',
  'tag tenant_id outside-tenant',
  'context tenant',
  'tag outside_tag',
  'context outside_ctx',
  'extra outside_extra',
];

/** What of `recordOutsideAnyUnit`'s data an event carries (empty for a unit's event). */
export function outsideDataOn(event: Event): string[] {
  const found: string[] = [];
  const crumbs = JSON.stringify(event.breadcrumbs ?? []);
  if (crumbs.includes('outside:crumb')) found.push('breadcrumb');
  if (crumbs.includes(OUTSIDE_PATH)) found.push('outgoing call breadcrumb');
  if (event.user?.id !== undefined) found.push(`user ${String(event.user.id)}`);
  if (event.tags?.tenant_id !== undefined) found.push(`tag tenant_id ${String(event.tags.tenant_id)}`);
  if (event.contexts?.tenant) found.push('context tenant');
  if (event.tags?.outside_tag !== undefined) found.push('tag outside_tag');
  if (event.contexts?.outside_ctx) found.push('context outside_ctx');
  if (event.extra?.outside_extra !== undefined) found.push('extra outside_extra');
  return found;
}
