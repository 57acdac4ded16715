/**
 * How the scrubber's run time grows on adversarial input: each input is timed at n, 2n and 4n
 * characters (4n stays under MAX_SCANNED_STRING_LENGTH, where strings are cut). A ratio near 2
 * per doubling is linear, near 4 quadratic. Reported, never judged: the unit tests check what
 * can be checked without a clock (regex shapes, counted work), this shows the rest.
 *
 * Run: npx ts-node --transpile-only bench/scrubber-scaling.ts
 */
import { performance } from 'node:perf_hooks';
import { createScrubber } from '../libs/sentry/src/scrubbing';
import { createScrubEngine } from '../libs/sentry/src/scrubbing/scrub-engine';
import { MAX_SCANNED_STRING_LENGTH } from '../libs/sentry/src/scrubbing/scrubbing.constants';

export interface ScalingRow {
  input: string;
  'n (chars)': number;
  'ms at n': number;
  'ms at 2n': number;
  'ms at 4n': number;
  '2n / n': number;
  '4n / 2n': number;
}

const BASE_LENGTH = Math.floor(MAX_SCANNED_STRING_LENGTH / 4);
/** The fastest of these many runs is kept: slower ones measure the machine, not the scrubber. */
const SAMPLES = 7;

const repeatTo = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Long runs of what the patterns look for: separators, digits, quotes, prefixes, placeholders. */
const STRING_INPUTS: Array<[string, (length: number) => string]> = [
  ['a= run', (n) => repeatTo('a=', n)],
  ['digits and spaces', (n) => repeatTo('1 ', n)],
  ['"password":" run', (n) => repeatTo('"password":"', n)],
  ['"password":{ run', (n) => repeatTo('"password":{', n)],
  ['"password":[" run', (n) => repeatTo('"password":["', n)],
  ['https:// run', (n) => repeatTo('https://', n)],
  ['x://u:p@ run', (n) => repeatTo('x://u:p@', n)],
  ['eyJ run', (n) => repeatTo('eyJ', n)],
  ['one long key, then =', (n) => `${'a'.repeat(n - 1)}=`],
  ['sk- run', (n) => repeatTo('sk-', n)],
  ['AKIA run', (n) => repeatTo('AKIA', n)],
  ['ghp_ run', (n) => repeatTo('ghp_', n)],
  ['Bearer run', (n) => repeatTo('Bearer ', n)],
  ['Authorization: Token run', (n) => repeatTo('Authorization: Token ', n)],
  ['password %s %s …', (n) => `password ${repeatTo('%s ', n - 9)}`],
  ['encoded pairs (a=%41&)', (n) => repeatTo('a=%41&', n)],
  ['SSN-like run (123-45-)', (n) => repeatTo('123-45-', n)],
  ['blanks then a word', (n) => `a${' '.repeat(n - 2)}b`],
];

function fastestMs(run: () => void): number {
  run(); // warm-up: compile and cache before timing
  let best = Infinity;
  for (let sample = 0; sample < SAMPLES; sample++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function row(input: string, timeAt: (length: number) => number): ScalingRow {
  const [at1, at2, at4] = [1, 2, 4].map((factor) => timeAt(BASE_LENGTH * factor));
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    input,
    'n (chars)': BASE_LENGTH,
    'ms at n': round(at1),
    'ms at 2n': round(at2),
    'ms at 4n': round(at4),
    '2n / n': round(at2 / at1),
    '4n / 2n': round(at4 / at2),
  };
}

/** Times the string scrubber on each adversarial input, and a multipart body through `scrubEvent`. */
export function runAdversarialScaling(): ScalingRow[] {
  const { scrubString } = createScrubEngine();
  const scrubber = createScrubber();
  const rows = STRING_INPUTS.map(([input, make]) =>
    row(input, (length) => {
      const text = make(length);
      return fastestMs(() => scrubString(text));
    }),
  );
  const part = 'Content-Disposition: form-data; name="password"\r\n\r\nx\r\n--b\r\n';
  rows.push(
    row('multipart body (request.data)', (length) => {
      const data = `--b\r\n${repeatTo(part, length)}`;
      return fastestMs(() => scrubber.scrubEvent({ request: { data } }));
    }),
  );
  return rows;
}

export function printScaling(rows: readonly ScalingRow[]): void {
  console.log(`adversarial inputs scaling (fastest of ${SAMPLES}; ~2 per doubling is linear, ~4 quadratic)`);
  console.log(`${'input'.padEnd(32)}${['ms at n', 'ms at 2n', 'ms at 4n', '2n / n', '4n / 2n'].map((label) => label.padStart(10)).join('')}`);
  for (const r of rows) {
    const cells = [r['ms at n'], r['ms at 2n'], r['ms at 4n'], r['2n / n'], r['4n / 2n']];
    console.log(`${r.input.padEnd(32)}${cells.map((value) => value.toFixed(3).padStart(10)).join('')}`);
  }
}

if (require.main === module) printScaling(runAdversarialScaling());
