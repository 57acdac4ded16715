import type { Event } from '@sentry/core';
import type { AppLogger } from './app/app-logger';

export type RouteName = 'json' | 'throw' | 'storm' | 'storm-quiet';
export const ROUTE_NAMES: readonly RouteName[] = ['json', 'throw', 'storm', 'storm-quiet'];

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
  /** Which app process serves it: Nest's default logger (`on`) or one started with `logger: false` (`off`). */
  appLogger: AppLogger;
}

export const ROUTES: Record<RouteName, RouteSpec> = {
  json: { name: 'json', label: 'GET /json', path: () => '/json', throws: false, isOwnEvent: () => false, appLogger: 'on' },
  throw: {
    name: 'throw',
    label: 'GET /throw/:id',
    path: (cell, n) => `/throw/${cell}-${n}`,
    throws: true,
    isOwnEvent: (event) => exceptionValue(event).startsWith('bench failure '),
    appLogger: 'on',
  },
  storm: {
    name: 'storm',
    label: 'GET /storm, app logger on',
    path: () => '/storm',
    throws: true,
    isOwnEvent: isStormEvent,
    appLogger: 'on',
  },
  // The same load on a process without Nest's error log: what the SDK costs when the app's own logging does not dilute it.
  'storm-quiet': {
    name: 'storm-quiet',
    label: 'GET /storm, app logger off',
    path: () => '/storm',
    throws: true,
    isOwnEvent: isStormEvent,
    appLogger: 'off',
  },
};

function isStormEvent(event: Event): boolean {
  return exceptionValue(event) === 'bench storm';
}

function exceptionValue(event: Event): string {
  return event.exception?.values?.[0]?.value ?? event.message ?? '';
}
