/**
 * The units of work of the mixed concurrency test: every kind the module makes a unit of,
 * spread over 10 tenants, each with its own id and user, a fixed share of them failing.
 */

/**
 * HTTP request, WebSocket connect / message / disconnect, @Interval tick, @Cron run,
 * @OnEvent call, BullMQ process() and its `failed` worker event.
 */
export type MixedKind = 'http' | 'wsconn' | 'wsmsg' | 'wsdisc' | 'tick' | 'cron' | 'event' | 'job' | 'jobfail';

export interface MixedUnit {
  /** `<kind>-<nnnn>`, unique over all kinds: see UNIT_ID_PATTERN. */
  id: string;
  kind: MixedKind;
  tenant: string;
  user: string;
  /** Throws `err:<id>`; otherwise captures the message `msg:<id>`. Each unit sends exactly one event. */
  fails: boolean;
  /** Awaits hops (setImmediate, a Postgres query, a Redis round trip); connection handlers and worker events are synchronous. */
  hops: boolean;
  /** An @OnEvent unit this one emits midway (from inside itself: a nested unit). */
  child?: MixedUnit;
  /** The first unit of its kind: waits until the first unit of every RENDEZVOUS_KINDS kind runs. */
  rendezvous: boolean;
}

/** One socket.io client: its connection, messages and disconnection are units of their own. */
export interface SocketPlan {
  transport: 'websocket' | 'polling';
  connect: MixedUnit;
  messages: MixedUnit[];
  disconnect: MixedUnit;
}

/** One BullMQ job: its failure's worker event is a unit of its own. */
export interface JobPlan {
  unit: MixedUnit;
  failed?: MixedUnit;
}

export interface MixedPlan {
  http: MixedUnit[];
  sockets: SocketPlan[];
  ticks: MixedUnit[];
  crons: MixedUnit[];
  /** Emitted from outside any unit; nested ones hang off http, tick and job units as `child`. */
  events: MixedUnit[];
  jobs: JobPlan[];
  /** Every unit above, nested and worker-event ones included. */
  all: MixedUnit[];
}

export const TENANTS = 10;

/** The kinds whose first units wait for each other: all of them are in flight at once at least once. */
export const RENDEZVOUS_KINDS: readonly MixedKind[] = ['http', 'wsmsg', 'tick', 'cron', 'event', 'job'];

/** Any unit id. Delimited, so no id matches inside another (`job-0001` is not in `jobfail-0002`). */
export const UNIT_ID_PATTERN = /\b(?:http|wsconn|wsmsg|wsdisc|tick|cron|event|job|jobfail)-\d{4}\b/g;

const COUNTS = { http: 90, sockets: 20, messagesPerSocket: 3, ticks: 30, crons: 20, events: 40, jobs: 40 };

export function planMixedUnits(): MixedPlan {
  const all: MixedUnit[] = [];
  let serial = 0;
  const byKind = new Map<MixedKind, number>();
  const unit = (kind: MixedKind, failEvery: number, overrides: Partial<MixedUnit> = {}): MixedUnit => {
    const nth = byKind.get(kind) ?? 0;
    byKind.set(kind, nth + 1);
    const id = `${kind}-${String(serial).padStart(4, '0')}`;
    const made: MixedUnit = {
      id,
      kind,
      tenant: `tenant-${serial % TENANTS}`,
      user: `user-${id}`,
      fails: failEvery > 0 && nth % failEvery === failEvery - 1,
      hops: kind !== 'wsconn' && kind !== 'wsdisc' && kind !== 'jobfail',
      rendezvous: nth === 0 && RENDEZVOUS_KINDS.includes(kind),
      ...overrides,
    };
    serial += 1;
    all.push(made);
    return made;
  };
  // Every fifth HTTP request, tick and job emits an event from inside itself; a third of those fail.
  const withChild = (index: number): Partial<MixedUnit> => (index % 5 === 4 ? { child: unit('event', 3) } : {});

  const events = Array.from({ length: COUNTS.events }, () => unit('event', 3));
  const http = Array.from({ length: COUNTS.http }, (_, i) => unit('http', 3, withChild(i)));
  const ticks = Array.from({ length: COUNTS.ticks }, (_, i) => unit('tick', 3, withChild(i)));
  const crons = Array.from({ length: COUNTS.crons }, () => unit('cron', 3));
  const jobs = Array.from({ length: COUNTS.jobs }, (_, i): JobPlan => {
    const job = unit('job', 3, withChild(i));
    // The worker event runs for the job's tenant (the class-level @SentryJobPrincipal), as another user.
    return { unit: job, failed: job.fails ? unit('jobfail', 0, { tenant: job.tenant }) : undefined };
  });
  const sockets = Array.from({ length: COUNTS.sockets }, (_, i): SocketPlan => ({
    transport: i % 2 === 0 ? 'websocket' : 'polling',
    connect: unit('wsconn', 3),
    messages: Array.from({ length: COUNTS.messagesPerSocket }, () => unit('wsmsg', 3)),
    disconnect: unit('wsdisc', 4),
  }));
  return { http, sockets, ticks, crons, events, jobs, all };
}

/** The one event a unit sends: `err:<id>` when it fails, else the message `msg:<id>`. */
export function eventTextOf(unit: MixedUnit): string {
  return `${unit.fails ? 'err' : 'msg'}:${unit.id}`;
}

/** The SQL a unit runs: its id in a comment, so the query breadcrumb names its unit. */
export function unitQueryOf(unit: MixedUnit): string {
  return `SELECT 1 AS one /* unit:${unit.id} */`;
}

/** `category|message` of every breadcrumb the unit records, in order (what mixed-unit-work.ts does). */
export function expectedCrumbsOf(unit: MixedUnit): string[] {
  const mark = (step: string) => `unit|unit:${unit.id}:${step}`;
  if (!unit.hops) return [mark('start'), mark('end')];
  return [mark('start'), `query|${unitQueryOf(unit)}`, ...(unit.child ? [mark('emit')] : []), mark('end')];
}
