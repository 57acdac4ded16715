import type { Breadcrumb, Event } from '@sentry/core';
import { eventTextOf, expectedCrumbsOf, UNIT_ID_PATTERN, type MixedKind, type MixedUnit } from './mixed-plan';

/** The transaction each background and connection unit is named by (README, Background work). */
const TRANSACTIONS: Partial<Record<MixedKind, string>> = {
  wsconn: 'ws connect MixedGateway',
  wsdisc: 'ws disconnect MixedGateway',
  tick: 'cron mixed.tick',
  cron: 'cron mixed.cron',
  event: 'event mixed.unit',
  job: 'queue mixed-units:unit',
  jobfail: 'queue mixed-units:unit failed',
};

/** An event's error value or message: `err:<unit id>` / `msg:<unit id>` for a unit's event. */
export function textOf(event: Event): string {
  return event.exception?.values?.[0]?.value ?? event.message ?? '';
}

/**
 * The emitter logs each error of an @OnEvent call (its default `suppressErrors`) as message and
 * stack. The error was captured already, so SentryLogger keeps that line as a breadcrumb of the
 * unit that emitted (or of no unit), never as a second event.
 */
function isEmitterLog(event: Event): boolean {
  return event.tags?.logger === 'Event';
}

/** The emitter's log line of `unit`'s failed child, on `unit`'s scope: `unit`'s own doing. */
function isChildErrorLine(crumb: Breadcrumb, unit: MixedUnit): boolean {
  return crumb.category === 'Event' && unit.child !== undefined && JSON.stringify(crumbOwners(crumb)) === JSON.stringify([unit.child.id]);
}

export function unitIdsIn(text: string): string[] {
  return [...new Set(text.match(UNIT_ID_PATTERN) ?? [])];
}

/**
 * Every problem with the units' events: a unit with no event or with more than one, an event
 * of no unit, and on each event anything that is not its unit's own: user, tenant tag and
 * context, transaction, a breadcrumb of another unit, a Nest boot-log line, one recorded
 * outside any unit, or the unit's own breadcrumbs not exactly as recorded. The emitter's log
 * line of a failed @OnEvent call is a breadcrumb of the unit that emitted it (or of no unit),
 * never an event. [] means none.
 */
export function findMixedProblems(events: readonly Event[], units: readonly MixedUnit[]): string[] {
  const byText = new Map(units.map((unit) => [eventTextOf(unit), unit]));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const event of events) {
    const unit = byText.get(textOf(event));
    if (isEmitterLog(event)) {
      problems.push(`${unit?.id ?? textOf(event)}: the emitter's log line of an error already captured was sent as a second event`);
      continue;
    }
    if (!unit) {
      problems.push(`event of no unit: ${textOf(event)}`);
      continue;
    }
    seen.set(unit.id, (seen.get(unit.id) ?? 0) + 1);
    problems.push(...unitEventProblems(event, unit).map((problem) => `${unit.id}: ${problem}`));
  }
  for (const unit of units) if (seen.get(unit.id) !== 1) problems.push(`${unit.id}: ${seen.get(unit.id) ?? 0} events, expected 1`);
  return problems;
}

function unitEventProblems(event: Event, unit: MixedUnit): string[] {
  const problems = identityProblems(event, unit.user, unit.tenant);
  if (TRANSACTIONS[unit.kind] && event.transaction !== TRANSACTIONS[unit.kind]) {
    problems.push(`transaction is ${event.transaction}, expected ${TRANSACTIONS[unit.kind]}`);
  }
  problems.push(...crumbProblems(event, unit));
  const own = ownCrumbs(event, unit);
  if (JSON.stringify(own) !== JSON.stringify(expectedCrumbsOf(unit))) problems.push(`own breadcrumbs are ${JSON.stringify(own)}, expected ${JSON.stringify(expectedCrumbsOf(unit))}`);
  return problems;
}

function identityProblems(event: Event, user: string, tenant: string): string[] {
  const problems: string[] = [];
  const same = (what: string, actual: unknown, expected: unknown): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  same('user.id', event.user?.id, user);
  same('tag tenant_id', event.tags?.tenant_id, tenant);
  same('context tenant', event.contexts?.tenant, { tenant_id: tenant });
  // Whatever else the event carries (tags, contexts, extras) names no other unit, and nothing set outside units.
  const owner = unitIdsIn(user)[0];
  const foreignData = unitIdsIn(JSON.stringify([event.user, event.tags, event.contexts])).filter((id) => id !== owner);
  if (foreignData.length > 0) problems.push(`carries data of ${foreignData.join(', ')}`);
  if (owner && (event.tags?.outside_tag !== undefined || event.contexts?.outside_ctx || event.extra?.outside_extra !== undefined)) {
    problems.push('carries data set outside any unit');
  }
  return problems;
}

/** Every breadcrumb that is not `unit`'s own: another unit's, a Nest (boot) log line, one recorded outside units. */
function crumbProblems(event: Event, unit: MixedUnit): string[] {
  return (event.breadcrumbs ?? []).flatMap((crumb) => {
    if (isChildErrorLine(crumb, unit)) return [];
    const owners = crumbOwners(crumb);
    const foreign = owners.filter((id) => id !== unit.id);
    if (foreign.length > 0) return [`foreign breadcrumb of ${foreign.join(', ')}: ${describe(crumb)}`];
    return owners.includes(unit.id) ? [] : [`${kindOfStray(crumb)} breadcrumb: ${describe(crumb)}`];
  });
}

function ownCrumbs(event: Event, unit: MixedUnit): string[] {
  return (event.breadcrumbs ?? []).filter((crumb) => crumbOwners(crumb).includes(unit.id)).map(describe);
}

function crumbOwners(crumb: Breadcrumb): string[] {
  return unitIdsIn(`${crumb.message ?? ''} ${JSON.stringify(crumb.data ?? {})}`);
}

function describe(crumb: Breadcrumb): string {
  return `${crumb.category}|${crumb.message ?? JSON.stringify(crumb.data)}`;
}

/** Nest logs under its class names (InstanceLoader, RoutesResolver...): SentryLogger makes them breadcrumbs of that category. */
function kindOfStray(crumb: Breadcrumb): string {
  if (/^[A-Z][A-Za-z]+$/.test(crumb.category ?? '')) return 'Nest log (boot) line';
  if (crumb.category === 'outside') return 'outside-any-unit';
  return 'stray';
}
