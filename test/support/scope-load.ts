import type { SentryService } from '@app/sentry';

/** Breadcrumb category of the markers each unit of work leaves. */
export const MARKER_CATEGORY = 'scope-test';

/** One unit of work (request or message) and the identity its events must carry. */
export interface WorkOrder {
  rid: string;
  /** What the auth step puts on `request.user`, in one of the shapes the default resolver reads. */
  user: Record<string, unknown>;
  userId: string;
  tenantId: string;
  email: string;
  /** Also send a message event before failing. */
  message: boolean;
}

/**
 * `count` orders spread over `tenants` tenants with 2 users each, users in the three
 * shapes the default resolver reads (id/sub/userId; tenantId/tenant_id/tenant.id).
 */
export function makeOrders(count: number, tenants: number, label: string): WorkOrder[] {
  if (!/^[a-z]+$/.test(label)) throw new Error('label: lower-case letters only');
  return Array.from({ length: count }, (_, i) => {
    const userNumber = Math.floor(Math.random() * tenants * 2);
    const userId = `u${userNumber}`;
    const tenantId = `t${userNumber % tenants}`;
    const email = `${userId}@${tenantId}.example`;
    const shapes = [
      { id: userId, tenantId, email },
      { sub: userId, tenant_id: tenantId, email },
      { userId, tenant: { id: tenantId }, email },
    ];
    // Delimited, so that no id is a substring of another: see RID_PATTERN.
    const rid = `rq-${String(i).padStart(4, '0')}-${label}`;
    return { rid, user: shapes[userNumber % 3], userId, tenantId, email, message: i % 3 === 0 };
  });
}

export function expectedEventCount(orders: readonly WorkOrder[]): number {
  return orders.length + orders.filter((order) => order.message).length;
}

/** Long enough for a crowd to gather even when the machine is busy with other test files. */
const CROWD_MAX_WAIT_MS = 2000;

/**
 * Counts the units of work running at once, and lets each wait at its start for a
 * crowd: requests trickle in one by one, so without it only a handful would overlap.
 */
export class InFlight {
  now = 0;
  max = 0;
  private waiters: Array<() => void> = [];

  /** @param crowdSize how many units each one waits for at its start (at most CROWD_MAX_WAIT_MS). */
  constructor(readonly crowdSize: number) {}

  enter(): void {
    this.now += 1;
    this.max = Math.max(this.max, this.now);
  }

  leave(): void {
    this.now -= 1;
  }

  /** Resolves once `size` units are in flight, or after `maxWaitMs`. */
  async crowd(size: number, maxWaitMs: number): Promise<void> {
    if (this.now >= size) return this.releaseAll();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private releaseAll(): void {
    for (const release of this.waiters.splice(0)) release();
  }
}

/** A short random pause, through a different async primitive each time. */
export function jitter(): Promise<void> {
  const roll = Math.random();
  if (roll < 0.4) return new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 6)));
  if (roll < 0.6) return new Promise((resolve) => setImmediate(resolve));
  if (roll < 0.8) return new Promise((resolve) => process.nextTick(resolve));
  return Promise.resolve();
}

/**
 * What every handler of the isolation suites does: awaits at random points, leaves
 * breadcrumbs and a tag unique to the unit of work, sometimes sends a message, fails.
 */
export async function doWork(sentry: SentryService, order: Pick<WorkOrder, 'rid' | 'message'>, inFlight?: InFlight): Promise<never> {
  inFlight?.enter();
  try {
    const { rid } = order;
    await (inFlight ? inFlight.crowd(inFlight.crowdSize, CROWD_MAX_WAIT_MS) : jitter());
    sentry.addBreadcrumb(`${rid}:start`, MARKER_CATEGORY, 'info', { rid });
    await jitter();
    sentry.setTag('request_id', rid);
    await jitter();
    sentry.addBreadcrumb(`${rid}:middle`, MARKER_CATEGORY, 'info', { rid });
    if (order.message) sentry.captureMessage(`msg:${rid}`);
    await jitter();
    sentry.addBreadcrumb(`${rid}:end`, MARKER_CATEGORY, 'info', { rid });
    await jitter();
    throw new Error(`err:${rid}`);
  } finally {
    inFlight?.leave();
  }
}

/** Fires `items` in `batches` equal batches, batch k starting k * staggerMs after the first, none awaiting another. */
export async function launchOverlapping<T>(
  items: readonly T[],
  batches: number,
  staggerMs: number,
  send: (item: T) => Promise<unknown>,
): Promise<void> {
  const size = Math.ceil(items.length / batches);
  const launched = Array.from({ length: batches }, async (_, batch) => {
    await new Promise((resolve) => setTimeout(resolve, batch * staggerMs));
    await Promise.all(items.slice(batch * size, (batch + 1) * size).map(send));
  });
  await Promise.all(launched);
}
