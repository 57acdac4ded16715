import { createCardNumberPattern } from './number-patterns';
import { ValuePattern } from './value-pattern';

/**
 * A run of digit groups: an optional `+`, then up to seven groups of digits (or a parenthesised
 * area code) each followed by one separator (space, `-`, `.`, or `) `), then a last group; or
 * `+` and 8-15 digits. Not glued to a word, `+`, `.` or `-` on the left (`ORD-2024-000123`,
 * `v1.2`), and taken whole on the right, so that the run is judged as one (see
 * {@link filterPhoneInRun}). A bare digit run never matches. Bounded: linear.
 */
const DIGIT_GROUPS = /(?<![\w+.-])(?:\+?(?:\(\d{1,5}\) ?|\d{1,6}[ .-]){1,7}\d{1,15}|\+\d{8,15})(?![\w+]|[ .-]\d)/g;
const GROUP_START = /(?<=[ .-])(?=[\d(])/g;
/** Cheap gate: a `+` before a digit, a `(` before a digit, or two digits around a separator. */
const MAYBE_PHONE = /\+\d|\(\d|\d[ .-]\d/;
const DIGIT = /\d/g;
const SEPARATOR = /[ .-]/g;
const NON_DIGITS = /\D+/;
/** The fewest digits any accepted shape holds: international 8, national with trunk 9, North American 10. */
export const FEWEST_PHONE_DIGITS = 8;
/** Four groups of four digits or more: a card or a reference (`4000 0700 0000 0000`), never a phone. */
const FOUR_DIGIT_GROUPS = /^\d{4}(?:[ .-]\d{4}){3,}$/;

function countDigits(text: string): number {
  return text.match(DIGIT)?.length ?? 0;
}

/** `+` and 8 to 15 digits, separated by spaces, dashes or brackets (dots read as a number). */
function isInternational(run: string): boolean {
  const digits = countDigits(run);
  return digits >= 8 && digits <= 15 && !run.includes('.');
}

/**
 * North American: `415-555-0132`, `415.555.0132`, `415 555 0132`, `(415) 555-0132`, optionally
 * after `1-`. Area code and exchange start with 2-9 (so `100 200 3000` stays).
 */
function isNorthAmerican(run: string): boolean {
  const all = run.replace(/[()]/g, '').split(NON_DIGITS);
  const withCountryCode = all.length === 4 && all[0] === '1';
  if (all.length !== 3 && !withCountryCode) return false;
  const [area, exchange, line] = withCountryCode ? all.slice(1) : all;
  return (
    area.length === 3 && exchange.length === 3 && line.length === 4 && area[0] >= '2' && exchange[0] >= '2' &&
    hasOneKindOfSeparator(run.replace(/^\(\d{3}\) ?/, ''))
  );
}

/**
 * A national number with a trunk prefix: `020 7946 0958`, `(02) 9876 5432`, `06 12 34 56 78`,
 * `030 12345678`: the first group is `0` and a non-zero digit (2-5 digits), 9-12 digits in all,
 * one kind of separator, and three groups or more, or two when the area code is parenthesised
 * or the second group holds the whole subscriber number (6 digits or more).
 */
function isTrunkNational(run: string): boolean {
  const parenthesised = run.startsWith('(');
  const groups = run.replace(/[()]/g, '').split(NON_DIGITS);
  const first = groups[0];
  const digits = countDigits(run);
  const enoughGroups = groups.length >= 3 || (groups.length === 2 && (parenthesised || groups[1].length >= 6));
  return (
    first.length >= 2 && first.length <= 5 && first[0] === '0' && first[1] !== '0' &&
    enoughGroups && digits >= 9 && digits <= 12 &&
    hasOneKindOfSeparator(parenthesised ? run.replace(/^\(\d+\) ?/, '') : run)
  );
}

/** `2024-03-15 10` or `01.02.2024 1234` mix separators; phone numbers written by hand do not. */
function hasOneKindOfSeparator(run: string): boolean {
  return new Set(run.match(SEPARATOR) ?? []).size <= 1;
}

/**
 * Only shapes that are phone numbers: an international number (`+`), a North American one or
 * a national one with a trunk `0`. Never a bare digit run (ids, timestamps, epoch ms), a date, a
 * version, a card-like group of four, an UUID or an order number.
 */
export function isPhoneNumber(run: string): boolean {
  if (run.startsWith('+')) return isInternational(run);
  return isNorthAmerican(run) || isTrunkNational(run);
}

/**
 * The run, or the part of it from some group on (`qty 7 415-555-0132`), when it is a phone
 * number; otherwise the run unchanged. At most eight tries. A run that holds a card number
 * (`4000 0566 5566 5556` ends like a national number) is left to the card rule, and a run of
 * groups of four (a card that fails Luhn, a reference) is kept.
 */
function filterPhoneInRun(run: string, replacement: string, cards: ValuePattern): string {
  // No part of a run holds more digits than the run: an IP, a version or a date ends here.
  if (countDigits(run) < FEWEST_PHONE_DIGITS) return run;
  if (FOUR_DIGIT_GROUPS.test(run) || (cards.mightMatch(run) && cards.scrub(run) !== run)) return run;
  if (isPhoneNumber(run)) return replacement;
  for (const { index } of run.matchAll(GROUP_START)) {
    if (isPhoneNumber(run.slice(index))) return run.slice(0, index) + replacement;
  }
  return run;
}

/** Phone numbers in text; digit runs holding a card number are left alone. */
export function createPhoneNumberPattern(replacement: string): ValuePattern {
  const cards = createCardNumberPattern(replacement);
  return {
    name: 'phone-number',
    mightMatch: (text) => MAYBE_PHONE.test(text),
    scrub: (text) => text.replace(DIGIT_GROUPS, (run: string) => filterPhoneInRun(run, replacement, cards)),
  };
}
