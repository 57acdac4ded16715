import type { OfflineDropTotals } from './offline-drop-counter';

/** The lines the durable queue logs. */
export const OFFLINE_QUEUE_MESSAGES = {
  unusableDir: (label: string, dir: string, reason: string) =>
    `${label}=${JSON.stringify(dir)} cannot be used for the offline queue: ${reason} - ` +
    'events are sent without it (not kept while the ingest is down), the app carries on',
  dropped: (recent: number, totals: OfflineDropTotals) =>
    `Sentry offline queue dropped ${recent} envelope(s) since the last report; totals: ` +
    `${totals.full} full, ${totals.expired} too old, ${totals.corrupt} unreadable, ${totals.unwritable} not written`,
} as const;
