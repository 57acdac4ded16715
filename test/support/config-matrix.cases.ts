import { SENTRY_ENV_VARIABLES, type SentryConfigKey } from '../../libs/sentry/src/sentry.config';

/** The bad values of one variable, and what the module must do instead of each. */
export interface BadValueCases {
  /** Kinds of bad value that apply to the variable's type (see the lists below). */
  values: readonly string[];
  /** The end of the log line: what the module does instead (hard-coded here, not derived). */
  instead: string;
  /** The option value the module actually uses instead (undefined: left to the SDK). */
  effective: unknown;
}

/** Numbers from 0 to 1: wrong type, out of range both ways, empty, blank, non-finite, a percentage. */
const RATE = ['abc', '-1', '1.5', '', '   ', 'Infinity', '50%'];
/** Whole numbers: the same, plus fractions and hex. `beyond` is just past the maximum. */
const wholeNumber = (beyond: string) => ['abc', '-1', '1.5', beyond, '', '0x10'];
/** Numbers above 0 (fractions allowed): `beyond` is just past the maximum. */
const positiveUpTo = (beyond: string) => ['abc', '-1', beyond, '', 'Infinity'];
/** A newline in a value must not split the log line (the value is printed JSON-escaped). */
const BOOLEAN = ['maybe', '', '   ', '2', 'true\nSENTRY_DSN=forged'];
/** Names that would be sent as is: empty and whitespace-only. */
const NAME = ['', '   ', '\t\n'];

/**
 * Every `SENTRY_*` variable × each kind of bad value that applies to its type. The guard in
 * config-matrix.e2e-spec.ts fails for a key of SENTRY_ENV_VARIABLES missing here, so a new
 * variable cannot slip through (Partial on purpose: the guard fails the test, not the typecheck).
 */
export const BAD_VALUE_CASES: Partial<Record<SentryConfigKey, BadValueCases>> = {
  dsn: {
    values: [
      'not-a-url',
      'http://host-without-key/1',
      'https://key@host/',
      'ftp://k@h/1',
      'https://key@host/not-a-project',
      'https://key@host:99999/1',
      'https://:secret@host/1',
      '   ',
    ],
    instead: 'error tracking disabled',
    effective: '',
  },
  environment: { values: NAME, instead: 'using "development" instead', effective: 'development' },
  release: { values: NAME, instead: 'using "0.1.0" instead', effective: '0.1.0' },
  tracesSampleRate: { values: RATE, instead: 'using 0.1 instead', effective: 0.1 },
  profilesSampleRate: { values: RATE, instead: 'using 0.1 instead', effective: 0.1 },
  sampleRate: { values: RATE, instead: 'using 1 instead', effective: 1 },
  debug: { values: BOOLEAN, instead: 'using false instead', effective: false },
  enabled: { values: BOOLEAN, instead: 'using true instead', effective: true },
  serverName: { values: NAME, instead: 'using the host name instead', effective: undefined },
  maxBreadcrumbs: { values: wholeNumber('101'), instead: 'using 100 instead', effective: 100 },
  spotlight: {
    values: ['nope', 'localhost:8969', 'ftp://localhost:8969/stream', 'http://', 'http://localhost:99999/stream', ''],
    instead: 'using false instead',
    effective: false,
  },
  enableLogs: { values: BOOLEAN, instead: 'using false instead', effective: false },
  shutdownTimeoutMs: { values: wholeNumber('60001'), instead: 'using 2000 instead', effective: 2000 },
  strict: { values: BOOLEAN, instead: 'using false instead', effective: false },
  // Empty is valid here: it means "off", like an unset variable.
  offlineDir: { values: ['   ', '\t\n'], instead: 'offline queue off', effective: undefined },
  offlineMaxEvents: { values: ['0', ...wholeNumber('100001')], instead: 'using 1000 instead', effective: 1000 },
  offlineMaxAgeHours: { values: ['0', ...positiveUpTo('721')], instead: 'using 24 instead', effective: 24 },
  offlineMaxMegabytes: { values: ['0', ...positiveUpTo('10241')], instead: 'using 50 instead', effective: 50 },
  errorStormLimit: { values: wholeNumber('100001'), instead: 'using 10 instead', effective: 10 },
  errorStormWindowSeconds: { values: ['0', ...wholeNumber('86401')], instead: 'using 60 instead', effective: 60 },
  scrubPersonalData: { values: BOOLEAN, instead: 'using true instead', effective: true },
};

export interface BadValueCase {
  key: SentryConfigKey;
  variable: string;
  value: string;
  instead: string;
  effective: unknown;
}

/** The table flattened, one row per (variable, bad value). */
export const BAD_VALUE_ROWS: BadValueCase[] = Object.entries(BAD_VALUE_CASES).flatMap(([key, cases]) =>
  cases!.values.map((value) => ({
    key: key as SentryConfigKey,
    variable: SENTRY_ENV_VARIABLES[key as SentryConfigKey],
    value,
    instead: cases!.instead,
    effective: cases!.effective,
  })),
);

/**
 * Groups rows so that one app can boot with one bad value of many variables at once (a few boots
 * instead of one per row). Round 0 holds no DSN case, so one app runs with a working DSN.
 */
export function roundsOf(rows: readonly BadValueCase[]): BadValueCase[][] {
  const rounds: BadValueCase[][] = [];
  const indexOf = new Map<SentryConfigKey, number>();
  for (const row of rows) {
    const index = indexOf.get(row.key) ?? (row.key === 'dsn' ? 1 : 0);
    indexOf.set(row.key, index + 1);
    (rounds[index] ??= []).push(row);
  }
  return rounds;
}
