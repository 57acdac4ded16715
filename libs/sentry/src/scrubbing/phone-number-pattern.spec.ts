import fc from 'fast-check';
import { passesLuhn } from './card-number.util';
import { FEWEST_PHONE_DIGITS, isPhoneNumber } from './phone-number-pattern';
import { createScrubEngine } from './scrub-engine';

const F = '[Filtered]';
const RUNS = { numRuns: 300 };
const on = createScrubEngine();
/** Without the personal-data rules each planted number must survive: the rule is what removes it. */
const off = createScrubEngine({ personalData: false });

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const leading2to9 = (length: number) => fc.tuple(fc.integer({ min: 2, max: 9 }), digits(length - 1)).map(([first, rest]) => `${first}${rest}`);

/** North American numbers in the shapes people type them. */
const northAmericanArb = fc
  .tuple(leading2to9(3), leading2to9(3), digits(4), fc.constantFrom('-', '.', ' ', '()', '+1 ', '1-'))
  .map(([area, exchange, line, style]) => {
    if (style === '()') return `(${area}) ${exchange}-${line}`;
    if (style === '+1 ') return `+1 ${area} ${exchange} ${line}`;
    if (style === '1-') return `1-${area}-${exchange}-${line}`;
    return [area, exchange, line].join(style);
  });

/** `+`, a country code, then groups: 8 to 15 digits in all, spaced or dashed or glued. */
const internationalArb = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }), fc.constantFrom(' ', '-', ''))
  .chain(([country, sizes, separator]) =>
    fc.tuple(...sizes.map((size) => digits(size))).map((groups) => `+${country}${separator || ''}${groups.join(separator)}`),
  )
  .filter((text) => {
    const count = text.replace(/\D/g, '').length;
    return count >= 8 && count <= 15;
  });

/** National numbers with a trunk `0`: `020 7946 0958`, `06 12 34 56 78`, `(02) 9876 5432`. */
const trunkNationalArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(2), digits(2), digits(2), digits(2), fc.constantFrom(' ', '.', '-')).map(
    ([first, a, b, c, d, separator]) => [`0${first}`, a, b, c, d].join(separator),
  ),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1), digits(4), digits(4)).map(([first, second, a, b]) => `0${first}${second} ${a} ${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(4), digits(4)).map(([area, a, b]) => `(0${area}) ${a} ${b}`),
);

/** Shapes the secrets rules already remove (`+100-08-0009` holds an SSN) prove nothing about this rule. */
const phoneArb = fc.oneof(northAmericanArb, internationalArb, trunkNationalArb).filter((phone) => off.scrubString(phone) === phone);

const placeArb = fc.constantFrom<(phone: string) => string>(
  (phone) => `please call me back on ${phone} tomorrow`,
  (phone) => `tel: ${phone}`,
  (phone) => `{"note":"reach me at ${phone}"}`,
  (phone) => `SMS to ${phone} failed (status 400)`,
  (phone) => `qty 7 ${phone}`,
);

describe('phone numbers in text', () => {
  it('removes any phone number wherever it sits, and only with the rule on', () => {
    fc.assert(
      fc.property(phoneArb, placeArb, (phone, place) => {
        const text = place(phone);
        const scrubbed = on.scrubString(text);
        expect(scrubbed).not.toContain(phone);
        expect(scrubbed).toContain(F);
        expect(off.scrubString(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('removes a phone number from an encoded query value', () => {
    fc.assert(
      fc.property(phoneArb, (phone) => {
        const query = `callback=${encodeURIComponent(phone)}&page=2`;
        expect(on.scrubString(query)).toBe(`callback=${F}&page=2`);
      }),
      RUNS,
    );
  });
});

describe('look-alikes of phone numbers stay readable', () => {
  const keeps = (text: string): void => expect(on.scrubString(text)).toBe(text);

  /** 16 digits with a card prefix that fail Luhn: references, not cards. */
  const nonLuhnArb = digits(15)
    .map((body) => `4${body}`.slice(0, 16))
    .filter((number) => !passesLuhn(number));

  it('order numbers, numeric ids, epoch milliseconds, status codes and durations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2099 }), digits(6), fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.integer({ min: 100, max: 599 }), fc.integer({ min: 0, max: 99_999 }), fc.nat(999),
        (year, serial, id, status, ms, fraction) => {
          keeps(`order ORD-${year}-${serial} could not be shipped`);
          keeps(`user ${id} (tenant ${id % 1000}) at ${1_700_000_000_000 + (id % 100_000_000)}`);
          keeps(`upstream replied ${status} after ${ms} ms (${ms}.${fraction}s), retry 1 of 3`);
          keeps(`invoice INV ${year} ${serial}`);
        },
      ),
      RUNS,
    );
  });

  it('non-Luhn 16-digit numbers, spaced or not', () => {
    fc.assert(
      fc.property(nonLuhnArb, (number) => {
        keeps(`reference ${number} reconciled`);
        keeps(`reference ${number.replace(/(\d{4})(?=\d)/g, '$1 ')} reconciled`);
        keeps(`reference ${number.replace(/(\d{4})(?=\d)/g, '$1-')} reconciled`);
      }),
      RUNS,
    );
  });

  it('dates, times, ISO timestamps, versions, UUIDs and SHAs', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.nat(40), fc.nat(40), fc.nat(40), fc.uuid(), fc.stringMatching(/^[0-9a-f]{40}$/),
        (date, major, minor, patch, uuid, sha) => {
          const iso = date.toISOString();
          keeps(`shipped ${iso} (${iso.slice(0, 10)} ${iso.slice(11, 19)})`);
          keeps(`${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`);
          keeps(`upgraded to ${major}.${minor}.${patch} (node v${major}.${minor}.${patch})`);
          keeps(`request ${uuid} on commit ${sha}`);
        },
      ),
      RUNS,
    );
  });
});

describe('the digit count that lets a run skip the phone shapes', () => {
  /** Digit groups in every shape the rule reads: `+`, a parenthesised first group, any separator. */
  const runArb = (minDigits: number, maxDigits: number) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '+'),
        fc.boolean(),
        fc.constantFrom(' ', '-', '.'),
      )
      .filter(([sizes]) => {
        const total = sizes.reduce((sum, size) => sum + size, 0);
        return total >= minDigits && total <= maxDigits;
      })
      .chain(([sizes, plus, parenthesised, separator]) =>
        fc.tuple(...sizes.map((size) => digits(size))).map((groups) => {
          const [first, ...rest] = groups;
          const head = parenthesised && rest.length > 0 ? `(${first}) ` : `${first}${rest.length > 0 ? separator : ''}`;
          return `${plus}${head}${rest.join(separator)}`;
        }),
      );

  it(`no run of fewer than ${FEWEST_PHONE_DIGITS} digits is a phone number, whatever its shape`, () => {
    fc.assert(fc.property(runArb(1, FEWEST_PHONE_DIGITS - 1), (run) => expect(isPhoneNumber(run)).toBe(false)), { numRuns: 2000 });
  });

  it(`the bound is tight: some runs of ${FEWEST_PHONE_DIGITS} digits are phone numbers`, () => {
    expect(isPhoneNumber(`+49 ${'1'.repeat(FEWEST_PHONE_DIGITS - 2)}`)).toBe(true);
    expect(on.scrubString(`call +49 ${'1'.repeat(FEWEST_PHONE_DIGITS - 2)} now`)).toBe(`call ${F} now`);
  });
});
