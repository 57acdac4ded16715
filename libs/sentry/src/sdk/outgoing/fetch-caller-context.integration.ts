import { defineIntegration } from '@sentry/core';
import { runFetchResponsesInCallerContext } from './fetch-caller-context';

/** Keeps `fetch` breadcrumbs and spans on the request that made the call (see fetch-caller-context.ts). */
export const fetchCallerContextIntegration = defineIntegration(() => ({
  name: 'FetchCallerContext',
  setupOnce() {
    runFetchResponsesInCallerContext();
  },
}));
