import { defineIntegration } from '@sentry/core';
import { breadcrumbPgQueries } from './pg-query-breadcrumbs';

/** SQL statements as `query` breadcrumbs on the unit of work that ran them (see pg-query-breadcrumbs.ts). */
export const pgQueryBreadcrumbsIntegration = defineIntegration(() => ({
  name: 'PgQueryBreadcrumbs',
  setupOnce() {
    breadcrumbPgQueries();
  },
}));
