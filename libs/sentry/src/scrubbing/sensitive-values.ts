import { cacheResults } from './bounded-cache.util';
import {
  createCredentialPatterns,
  createPemPattern,
  createUrlPasswordPattern,
  CREDENTIAL_TRIGGER,
} from './credential-patterns';
import { createEncodedValuePattern } from './encoded-value-pattern';
import { createKeyValuePattern } from './key-value-pattern';
import { createCardNumberPattern, createSsnPattern } from './number-patterns';
import { createPersonalDataPatterns, NO_PERSONAL_DATA_PATTERNS } from './personal-data-patterns';
import { MAX_SCANNED_STRING_LENGTH, TRUNCATION_MARK } from './scrubbing.constants';
import { KeyMatcher } from './sensitive-keys';
import { extraPattern, ValuePattern } from './value-pattern';
import { createBotTokenPattern, createUrlPathPattern } from './url-path-secrets';
import { createVendorKeyPattern } from './vendor-key-patterns';

/** Returns the string with every secret the value patterns recognise replaced. */
export type StringScrubber = (text: string) => string;

/** No built-in pattern matches fewer characters (`pin=1`). */
const SHORTEST_BUILT_IN_MATCH = 5;

/** No card number (13 digits) fits in fewer characters. */
const SHORTEST_CARD_NUMBER = 13;

/** Entries the memo keeps before it starts over, and the longest string it keeps. */
const MEMO_LIMIT = 1000;
const MEMO_MAX_LENGTH = 256;

/** A string we truncated ourselves is scanned whole again, so that scrubbing stays idempotent. */
const OWN_TRUNCATION_LIMIT = MAX_SCANNED_STRING_LENGTH * 16;

/** The built-in patterns, grouped by the cheap gate that lets a string skip them. */
interface BuiltInPatterns {
  pem: ValuePattern;
  keyValuePairs: ValuePattern;
  /** Gated together by {@link CREDENTIAL_TRIGGER}. */
  credentialShapes: ValuePattern[];
  /** Gated by its own prefix trigger. */
  vendorKeys: ValuePattern;
  /** Credentials in URL paths (`/reset/<token>`, webhooks, random segments), then bot tokens. */
  urlPaths: ValuePattern[];
  cardNumbers: ValuePattern;
  ssns: ValuePattern;
}

function createBuiltInPatterns(isSensitiveKey: KeyMatcher, replacement: string): BuiltInPatterns {
  return {
    pem: createPemPattern(replacement),
    keyValuePairs: createKeyValuePattern(isSensitiveKey, replacement),
    credentialShapes: [...createCredentialPatterns(replacement), createUrlPasswordPattern(replacement)],
    vendorKeys: createVendorKeyPattern(replacement),
    urlPaths: [createUrlPathPattern(isSensitiveKey, replacement), createBotTokenPattern(replacement)],
    cardNumbers: createCardNumberPattern(replacement),
    ssns: createSsnPattern(replacement),
  };
}

function applyIfPossible(pattern: ValuePattern, text: string): string {
  return pattern.mightMatch(text) ? pattern.scrub(text) : text;
}

/**
 * Cuts strings above {@link MAX_SCANNED_STRING_LENGTH} (never splitting a surrogate pair) and
 * appends the mark before scanning, so that a second pass sees exactly what the first one did.
 */
function boundLength(text: string): string {
  if (text.length <= MAX_SCANNED_STRING_LENGTH) return text;
  if (text.endsWith(TRUNCATION_MARK) && text.length <= OWN_TRUNCATION_LIMIT) return text;
  const lastKept = text.charCodeAt(MAX_SCANNED_STRING_LENGTH - 1);
  const isHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, MAX_SCANNED_STRING_LENGTH - (isHighSurrogate ? 1 : 0)) + TRUNCATION_MARK;
}

/**
 * Builds the string scrubber: built-in patterns, then `extraPatterns`, then the same again inside
 * percent-encoded query and form values. The order matters: PEM blocks first (their body would
 * feed other patterns), then `key=value` pairs (so that `Authorization: Bearer x` becomes one
 * `[Filtered]`), then credential shapes and URL passwords, then digits (cards before SSNs). With
 * `personalData`, IP addresses and phone numbers come right before the pairs (a pair's value is
 * one word: `tel: 06 12 34 56 78`), and emails last (after URL passwords). Every
 * pattern sits behind a cheap gate (`includes`, one trigger regex, a length), so a string with
 * nothing to hide costs a few scans.
 */
export function createStringScrubber(
  isSensitiveKey: KeyMatcher,
  replacement: string,
  extraPatterns: readonly RegExp[] = [],
  personalData = false,
): StringScrubber {
  const { pem, keyValuePairs, credentialShapes, vendorKeys, urlPaths, cardNumbers, ssns } = createBuiltInPatterns(isSensitiveKey, replacement);
  const personal = personalData ? createPersonalDataPatterns(replacement) : NO_PERSONAL_DATA_PATTERNS;
  const extra = extraPatterns.map((regex) => extraPattern(regex, replacement));
  const scrubPlain: StringScrubber = (text) => {
    let result = boundLength(text);
    if (result.length >= SHORTEST_BUILT_IN_MATCH) {
      // Replacements only remove triggers, so testing the gate once up front is safe.
      const mayHoldCredential = CREDENTIAL_TRIGGER.test(result);
      result = applyIfPossible(pem, result);
      for (const pattern of personal.beforePairs) result = applyIfPossible(pattern, result);
      result = applyIfPossible(keyValuePairs, result);
      if (mayHoldCredential) {
        for (const pattern of credentialShapes) result = applyIfPossible(pattern, result);
      }
      result = applyIfPossible(vendorKeys, result);
      for (const pattern of urlPaths) result = applyIfPossible(pattern, result);
      if (result.length >= SHORTEST_CARD_NUMBER) result = applyIfPossible(cardNumbers, result);
      result = applyIfPossible(ssns, result);
      for (const pattern of personal.last) result = applyIfPossible(pattern, result);
    }
    for (const pattern of extra) result = pattern.scrub(result);
    return result;
  };
  const encodedValues = createEncodedValuePattern(scrubPlain, replacement);
  // Most strings of an event come back in every event (header values, context and SDK fields,
  // frame and route names): scrubbing is a pure function of the string, so a short one is
  // scrubbed once and looked up after.
  return cacheResults((text) => applyIfPossible(encodedValues, scrubPlain(text)), MEMO_LIMIT, MEMO_MAX_LENGTH);
}

