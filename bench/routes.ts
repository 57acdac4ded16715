import type { Event } from '@sentry/core';

export type RouteName = 'json' | 'throw' | 'storm';
export const ROUTE_NAMES: readonly RouteName[] = ['json', 'throw', 'storm'];

export interface RouteSpec {
  name: RouteName;
  /** Shown in tables. */
  label: string;
  /** Path of the n-th request; `cell` makes `/throw` ids unique across the whole run. */
  path: (cell: string, n: number) => string;
  /** Whether every response is a 500 that Sentry should see. */
  throws: boolean;
  /** Recognises this route's error events at the ingest. */
  isOwnEvent: (event: Event) => boolean;
}

export const ROUTES: Record<RouteName, RouteSpec> = {
  json: { name: 'json', label: 'GET /json', path: () => '/json', throws: false, isOwnEvent: () => false },
  throw: {
    name: 'throw',
    label: 'GET /throw/:id',
    path: (cell, n) => `/throw/${cell}-${n}`,
    throws: true,
    isOwnEvent: (event) => exceptionValue(event).startsWith('bench failure '),
  },
  storm: {
    name: 'storm',
    label: 'GET /storm',
    path: () => '/storm',
    throws: true,
    isOwnEvent: (event) => exceptionValue(event) === 'bench storm',
  },
};

function exceptionValue(event: Event): string {
  return event.exception?.values?.[0]?.value ?? event.message ?? '';
}
