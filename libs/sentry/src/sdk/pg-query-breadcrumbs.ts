import { addBreadcrumb } from '@sentry/core';

/** Marks a `query` this module wrapped, so a second SDK start does not wrap it again. */
const WRAPPED = Symbol.for('nestjs-sentry-tenant:pg-query');
/** Marks a query config whose breadcrumb the pool already added, in its caller's context. */
const RECORDED = Symbol.for('nestjs-sentry-tenant:pg-query-recorded');

type Query = ((this: unknown, config: unknown, ...rest: unknown[]) => unknown) & { [WRAPPED]?: true };
interface Queryable {
  prototype: { query?: unknown };
}

/**
 * ADR-024 records the SQL that ran before an error as breadcrumbs: the statement text only,
 * never the parameter values, on the unit of work that ran it. `Pool#query` is called in the
 * caller's async context, but the pool hands the statement to `Client#query` later, in the
 * context of whichever request released a connection: so the pool's call records the
 * breadcrumb and marks the config, and a client's own call (after `pool.connect()`, or without
 * a pool) records it there. `pg` is the app's (an optional peer): without it, nothing happens.
 */
export function breadcrumbPgQueries(): void {
  const pg = loadPg();
  wrapQuery(pg?.Client, (config) => {
    if (!isRecorded(config)) record(config);
    return config;
  });
  wrapQuery(pg?.Pool, (config) => {
    record(config);
    return markRecorded(config);
  });
}

function wrapQuery(type: Queryable | undefined, before: (config: unknown) => unknown): void {
  const original = type?.prototype.query as Query | undefined;
  if (typeof original !== 'function' || original[WRAPPED]) return;
  const query: Query = function (this: unknown, config, ...rest) {
    let passed = config;
    try {
      passed = before(config);
    } catch {
      // Breadcrumbs never break a query.
    }
    return original.call(this, passed, ...rest);
  };
  Object.defineProperty(query, WRAPPED, { value: true });
  type!.prototype.query = query;
}

function textOf(config: unknown): string | undefined {
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : undefined;
}

function record(config: unknown): void {
  const text = textOf(config);
  if (text !== undefined) addBreadcrumb({ category: 'query', message: text, data: { 'db.system': 'postgresql' } });
}

/** A string becomes `{ text }` (pg takes either, with the values passed beside it); objects keep their identity. */
function markRecorded(config: unknown): unknown {
  const marked = typeof config === 'string' ? { text: config } : config;
  if (marked !== null && typeof marked === 'object') Object.defineProperty(marked, RECORDED, { value: true, configurable: true });
  return marked;
}

function isRecorded(config: unknown): boolean {
  return config !== null && typeof config === 'object' && RECORDED in config;
}

function loadPg(): { Client?: Queryable; Pool?: Queryable } | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pg') as { Client?: Queryable; Pool?: Queryable };
  } catch {
    return undefined;
  }
}
