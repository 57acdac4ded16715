import { addBreadcrumb, defineIntegration, spanToJSON } from '@sentry/core';

/**
 * ADR-024's SQLAlchemy integration records queries as breadcrumbs too, so an
 * error shows the SQL that ran before it. The SDK's database instrumentation
 * makes spans only; this turns each finished DB span into a breadcrumb with its
 * SQL text (the instrumentation never puts parameter values in it).
 */
export const queryBreadcrumbsIntegration = defineIntegration(() => ({
  name: 'QueryBreadcrumbs',
  setup(client) {
    client.on('spanEnd', (span) => {
      const { name, attributes } = spanToJSON(span);
      if (attributes['sentry.op'] !== 'db' || !name || isConnectionSpan(name)) return;
      addBreadcrumb({
        category: 'query',
        message: name,
        data: { 'db.system': attributes['db.system'], 'db.name': attributes['db.name'] },
      });
    });
  },
}));

function isConnectionSpan(description: string): boolean {
  return description.endsWith('.connect');
}
