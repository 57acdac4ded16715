import { isCardNumber } from './card-number.util';
import { regexPattern, ValuePattern } from './value-pattern';

/**
 * A whole run of digit groups separated by spaces or dashes, at least 13 characters long and
 * not glued to a letter or digit on the left. The run is matched greedily and entirely, so the
 * scan stays linear; the card is then looked for inside it (see {@link filterCardsInRun}).
 */
const DIGIT_RUN = /(?<![0-9A-Za-z])\d[\d -]{11,}\d/g;
/** The same without the lookbehind: a cheap gate that spares most strings the replace call. */
const MAYBE_DIGIT_RUN = /\d[\d -]{11,}\d/;
const GROUP_SEPARATORS = /[ -]+/;
const ALL_GROUP_SEPARATORS = /[ -]+/g;
const ALPHANUMERIC = /[0-9A-Za-z]/;
const MAX_CARD_DIGITS = 19;

/**
 * Replaces every card number made of whole consecutive groups of a digit run, so that a card
 * stays found when a quantity or a phone number precedes it (`qty 1 4111 1111 1111 1111`).
 * Where two readings overlap, both are filtered. Checking card prefix and Luhn keeps
 * timestamps, order ids and phone numbers readable. A card ending the run must not be glued to
 * a letter (hex ids are left alone). O(groups x 19).
 */
function filterCardsInRun(run: string, gluedAfter: boolean, replacement: string): string {
  const groups = run.split(GROUP_SEPARATORS);
  const separators = run.match(ALL_GROUP_SEPARATORS) ?? [];
  const covered = new Array<boolean>(groups.length).fill(false);
  let found = false;
  for (let start = 0; start < groups.length; start++) {
    // Every card prefix starts with 2-6: skip other starts without building windows.
    const lead = groups[start].charCodeAt(0);
    if (lead < 50 || lead > 54) continue;
    let digits = '';
    for (let end = start; end < groups.length && digits.length + groups[end].length <= MAX_CARD_DIGITS; end++) {
      digits += groups[end];
      const glued = end === groups.length - 1 && gluedAfter;
      if (!glued && isCardNumber(digits)) {
        covered.fill(true, start, end + 1);
        found = true;
      }
    }
  }
  if (!found) return run;
  let result = '';
  for (let index = 0; index < groups.length; index++) {
    if (!covered[index]) result += groups[index];
    else if (index === 0 || !covered[index - 1]) result += replacement;
    if (!(covered[index] && covered[index + 1])) result += separators[index] ?? '';
  }
  return result;
}

/** US SSN shape, not glued to other words or dashes (so SKUs like `AB-123-45-6789-Z` stay). */
const SSN = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;

/** The SSA never issues area 000, 666 or 9xx, group 00 or serial 0000. */
function isPlausibleSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** Card numbers (Luhn + real prefix) inside strings. */
export function createCardNumberPattern(replacement: string): ValuePattern {
  return {
    name: 'card-number',
    mightMatch: (text) => MAYBE_DIGIT_RUN.test(text),
    scrub: (text) =>
      text.replace(DIGIT_RUN, (run: string, offset: number) =>
        filterCardsInRun(run, ALPHANUMERIC.test(text.charAt(offset + run.length)), replacement),
      ),
  };
}

/** US social security numbers inside strings. */
export function createSsnPattern(replacement: string): ValuePattern {
  return regexPattern(
    'us-ssn',
    (text) => text.includes('-'),
    SSN,
    (match, area: string, group: string, serial: string) =>
      isPlausibleSsn(area, group, serial) ? replacement : match,
  );
}

/** Smallest and largest integers with 13 to 19 digits. */
const MIN_CARD_NUMBER = 1e12;
const MAX_CARD_NUMBER = 1e19;

/** A card number stored as a number or bigint (a JSON body field, a frame variable). */
export function isCardNumberValue(value: number | bigint): boolean {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < MIN_CARD_NUMBER || value >= MAX_CARD_NUMBER) return false;
    return isCardNumber(value.toFixed(0));
  }
  return value >= BigInt(MIN_CARD_NUMBER) && value < BigInt(MAX_CARD_NUMBER) && isCardNumber(value.toString());
}
