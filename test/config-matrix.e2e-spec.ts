import { SentryConfigError, SENTRY_ENV_VARIABLES } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import request from 'supertest';
import { SENTRY_CONFIG_RULES } from '../libs/sentry/src/sentry.config';
import { SENTRY_RESOLVED_OPTIONS } from '../libs/sentry/src/sentry.internal-constants';
import { bootWithEnv } from './support/config-app';
import { BAD_VALUE_CASES, BAD_VALUE_ROWS, roundsOf, type BadValueCase } from './support/config-matrix.cases';

// Every SENTRY_* variable × each kind of bad value, through a real app whose
// SentryModule.forRootAsync() reads them from ConfigService. Rows share apps: each boot holds one
// bad value of many variables at once (config-matrix.cases.ts, roundsOf).

const expectedLine = (row: BadValueCase) =>
  `${row.variable}=${JSON.stringify(row.value)} is invalid: expected ${SENTRY_CONFIG_RULES[row.key]} - ${row.instead}`;
const label = (row: BadValueCase) => `${row.variable}=${JSON.stringify(row.value)}`;

interface RoundResult {
  problemLines: string[];
  infoLines: string[];
  options: Record<string, unknown>;
  status: number;
  enabled: boolean;
}

describe('configuration matrix: every SENTRY_* variable × each kind of bad value', () => {
  it('has bad-value cases for every key of SENTRY_ENV_VARIABLES (a new variable cannot slip through)', () => {
    const uncovered = Object.entries(SENTRY_ENV_VARIABLES)
      .filter(([key]) => (BAD_VALUE_CASES[key as keyof typeof BAD_VALUE_CASES]?.values.length ?? 0) === 0)
      .map(([, variable]) => variable);
    expect(uncovered).toEqual([]);
  });

  describe('the app boots, says what it does instead in one line, and serves', () => {
    const rounds = roundsOf(BAD_VALUE_ROWS);
    const results = new Map<BadValueCase, RoundResult>();
    let ingest: SentryTestIngest;

    beforeAll(async () => {
      ingest = await SentryTestIngest.start();
      for (const [index, round] of rounds.entries()) {
        const env: Record<string, string> = { SENTRY_DSN: ingest.dsn };
        for (const row of round) env[row.variable] = row.value;
        const testApp = await bootWithEnv(env);
        try {
          const response = await request(testApp.url).post('/probe/message').send({ text: `config-matrix round ${index}` });
          const result: RoundResult = {
            problemLines: testApp.logger.sentryLines('warn').filter((line) => line.includes(' is invalid: ')),
            infoLines: testApp.logger.sentryLines('log'),
            options: testApp.app.get(SENTRY_RESOLVED_OPTIONS),
            status: response.status,
            enabled: response.body.enabled,
          };
          for (const row of round) results.set(row, result);
          // Bad values elsewhere must not cost the events: the round with a good DSN still delivers.
          if (result.enabled) await ingest.waitForEvent((event) => event.message === `config-matrix round ${index}`);
        } finally {
          await testApp.app.close();
        }
      }
    });
    afterAll(() => ingest.close());

    it.each(BAD_VALUE_ROWS.map((row) => [label(row), row] as const))('%s', (_name, row) => {
      const result = results.get(row)!;
      expect(result.problemLines.filter((line) => line.startsWith(`${row.variable}=`))).toEqual([expectedLine(row)]);
      expect(result.options[row.key]).toEqual(row.effective);
      expect(result.status).toBe(201);
      if (row.key === 'dsn') {
        expect(result.enabled).toBe(false);
        expect(result.infoLines).toContain('SENTRY_DSN not configured - error tracking disabled');
      }
    });

    it.each(rounds.map((round, index) => [index, round] as const))('round %i: one line per bad value, nothing else', (_index, round) => {
      const result = results.get(round[0])!;
      expect(result.problemLines).toEqual(round.map(expectedLine));
    });

    it('one round runs with a working DSN and delivers its event (bad values elsewhere cost nothing else)', () => {
      const working = rounds.filter((round) => results.get(round[0])!.enabled);
      expect(working).toHaveLength(1);
      expect(ingest.events.filter((event) => event.message?.startsWith('config-matrix round'))).toHaveLength(1);
    });
  });

  describe('with SENTRY_STRICT=true, boot throws SentryConfigError naming the variable and value', () => {
    const strictRows = BAD_VALUE_ROWS.filter((row) => row.key !== 'strict');

    it.each(strictRows.map((row) => [label(row), row] as const))('%s', async (_name, row) => {
      const outcome = await bootWithEnv({ SENTRY_STRICT: 'true', [row.variable]: row.value }).then(
        async (testApp) => (await testApp.app.close(), 'booted'),
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(SentryConfigError);
      expect((outcome as SentryConfigError).problems).toEqual([expectedLine(row)]);
      expect((outcome as SentryConfigError).message).toContain(expectedLine(row));
    });

    it('a bad SENTRY_STRICT leaves strict mode off: the app boots despite another bad value', async () => {
      for (const value of BAD_VALUE_CASES.strict!.values) {
        const testApp = await bootWithEnv({ SENTRY_STRICT: value, SENTRY_SAMPLE_RATE: 'abc' });
        try {
          expect(testApp.logger.sentryLines('warn').filter((line) => line.includes(' is invalid: '))).toHaveLength(2);
        } finally {
          await testApp.app.close();
        }
      }
    });
  });
});
