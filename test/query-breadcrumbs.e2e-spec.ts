import { Controller, Get, Param } from '@nestjs/common';
import { SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import { Pool } from 'pg';
import request from 'supertest';
import { startChildApp, type ChildApp } from './support/child-app';
import { createTestApp, type TestApp } from './support/create-test-app';
import { startTestPostgres, type TestPostgres } from './support/embedded-postgres';

let pool: Pool;

@Controller('reports')
class ReportsController {
  /** Two queries, each naming this request in a SQL comment, with a parameter value that must never leave; then a failure. */
  @Get(':rid')
  async report(@Param('rid') rid: string): Promise<never> {
    await pool.query(`SELECT $1::text AS owner /* ${rid}:first */`, [parameterValue(rid)]);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));
    await pool.query({ text: `SELECT count(*) FROM pg_class /* ${rid}:second */` });
    throw new Error(`report failed ${rid}`);
  }
}

/** Built, not written out: the source lines around the throw are sent as context and would hold a literal. */
function parameterValue(rid: string): string {
  return ['bound', 'value', rid].join('~');
}

function queryCrumbs(event: Event): string[] {
  return (event.breadcrumbs ?? []).filter((crumb) => crumb.category === 'query').map((crumb) => String(crumb.message));
}

/**
 * DB queries as breadcrumbs (ADR-024's SQLAlchemy integration does this): the SQL text, never the
 * parameter values, on the request that ran the query, however requests overlap.
 */
describe('pg query breadcrumbs', () => {
  let ingest: SentryTestIngest;
  let postgres: TestPostgres;
  beforeAll(async () => {
    [ingest, postgres] = await Promise.all([SentryTestIngest.start(), startTestPostgres()]);
    pool = new Pool({ connectionString: postgres.url, max: 3 });
    // An idle pooled connection the server drops emits 'error' on the pool: unheard, it would end
    // the whole file. Said here; a query that needed the connection fails its own test.
    pool.on('error', (error) => process.stderr.write(`query-breadcrumbs: an idle Postgres connection was dropped: ${error.message}\n`));
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await Promise.all([ingest.close(), postgres.stop()]);
  });

  describe('late init (SentryModule starts the SDK), 30 overlapping requests on 3 pooled connections', () => {
    let testApp: TestApp;
    beforeAll(async () => {
      testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 })], controllers: [ReportsController] });
    });
    afterAll(() => testApp.app.close());

    it('each error lists its own two statements and nobody else’s, without parameter values', async () => {
      const rids = Array.from({ length: 30 }, (_, i) => `rq${i}x`);
      await Promise.all(rids.map((rid) => request(testApp.url).get(`/reports/${rid}`).expect(500)));
      const events = await ingest.waitForEvents(rids.length, (e) => e.exception?.values?.[0]?.value?.startsWith('report failed ') === true);
      const problems = events.flatMap((event) => {
        const rid = event.exception!.values![0].value!.slice('report failed '.length);
        const expected = [`SELECT $1::text AS owner /* ${rid}:first */`, `SELECT count(*) FROM pg_class /* ${rid}:second */`];
        const crumbs = queryCrumbs(event);
        return JSON.stringify(crumbs) === JSON.stringify(expected) ? [] : [`${rid}: ${JSON.stringify(crumbs)}`];
      });
      expect(problems).toEqual([]);
      const raw = ingest.rawText();
      expect(rids.filter((rid) => raw.includes(parameterValue(rid)))).toEqual([]);
    });
  });

  describe('preload (instrument entry, child process)', () => {
    let app: ChildApp;
    beforeAll(async () => {
      app = await startChildApp(
        'test/support/traced-app/traced-app.main.ts',
        { SENTRY_DSN: ingest.dsn, SENTRY_TRACES_SAMPLE_RATE: '1', SENTRY_PROFILES_SAMPLE_RATE: '0', DATABASE_URL: postgres.url },
        ['libs/sentry/src/instrument.ts'],
      );
    }, 60_000);
    afterAll(() => app?.stop());

    it('the failing query of a request is a breadcrumb of its error, with its SQL text', async () => {
      await request(app.url).get('/orders/7/broken').expect(500);
      const event = await ingest.waitForEvent((e) => e.transaction === 'GET /orders/:id/broken' && !!e.exception);
      expect(queryCrumbs(event)).toEqual(['SELECT * FROM table_that_does_not_exist']);
    });
  });
});
