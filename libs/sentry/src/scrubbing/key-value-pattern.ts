import { bracketedValueEnd, opensBracketedValue } from './bracketed-value.util';
import { isErrorCodePair } from './error-code.util';
import { isCodeValue, isNothingToHide, PairValue, readPairValue } from './pair-value.util';
import { KeyMatcher } from './sensitive-keys';
import { ValuePattern } from './value-pattern';

const MAX_KEY_LENGTH = 64;
const EQUALS = 61;
const COLON = 58;
const GREATER_THAN = 62;

/** Key characters: identifier characters, dots, dashes, brackets and `%` (form and query keys). */
function isKeyChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 /* _ */ || code === 36 /* $ */ || code === 46 /* . */ || code === 45 /* - */ ||
    code === 37 /* % */ || code === 91 /* [ */ || code === 93 /* ] */
  );
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

/** The separator at `index` (`=`, `==`, `===`, `=>`, `:`, `:=`) ends where this returns. */
function separatorEnd(text: string, index: number): number {
  let end = index + 1;
  if (text.charCodeAt(index) === COLON) return text.charCodeAt(end) === EQUALS ? end + 1 : end;
  if (text.charCodeAt(end) === GREATER_THAN) return end + 1;
  while (end < index + 3 && text.charCodeAt(end) === EQUALS) end++;
  return end;
}

/**
 * The key written before the separator at `index`: blanks, then an optional closing quote
 * (also `\"`), then up to 64 key characters. Null when there is none, or it is too long to be
 * a key (then it is data, like a base64 blob).
 */
function keyBefore(text: string, index: number): string | null {
  let cursor = index - 1;
  while (cursor >= 0 && isBlank(text.charCodeAt(cursor))) cursor--;
  if (cursor >= 0 && isQuote(text.charCodeAt(cursor))) cursor--;
  if (cursor >= 0 && text.charCodeAt(cursor) === 92 /* \ */) cursor--;
  const keyEnd = cursor + 1;
  while (cursor >= 0 && isKeyChar(text.charCodeAt(cursor))) {
    if (keyEnd - cursor > MAX_KEY_LENGTH) return null;
    cursor--;
  }
  return keyEnd > cursor + 1 ? text.slice(cursor + 1, keyEnd) : null;
}

/** A JSON-style key: a closing quote (possibly escaped, `\"`) right before the separator. */
function isQuotedKeyBefore(text: string, index: number): boolean {
  let cursor = index - 1;
  while (cursor >= 0 && isBlank(text.charCodeAt(cursor))) cursor--;
  return cursor >= 0 && text.charCodeAt(cursor) === 34;
}

/**
 * A bare value that is itself a sensitive key and its `:` (`session: password: hunter2`): it
 * opens the next pair, whose value is the secret. Filtering it would spend the pair on the key
 * and skip the secret; leaving it lets the scan read `password: hunter2` on its own.
 */
function isKeyOfNextPair({ content, bare }: PairValue, isSensitiveKey: KeyMatcher): boolean {
  return bare && content.length > 1 && content.length <= MAX_KEY_LENGTH + 1 && content.endsWith(':') && isSensitiveKey(content.slice(0, -1));
}

function skipBlanks(text: string, index: number): number {
  let cursor = index;
  while (isBlank(text.charCodeAt(cursor))) cursor++;
  return cursor;
}

/**
 * Replaces the value of every `key=value`-like pair whose key is sensitive by the key rules:
 * query strings (`?token=x&page=2`), form bodies, log lines, env files, YAML, JSON (also
 * truncated or escaped inside JSON) and source lines (`const password = 'hunter2'`).
 * It jumps from separator to separator (`indexOf`) and reads the key backwards, which is much
 * cheaper than trying a key regex at every position. After a harmless key the scan resumes
 * right after the separator, so `note: password=x` still finds `password`.
 */
export function createKeyValuePattern(isSensitiveKey: KeyMatcher, replacement: string): ValuePattern {
  return {
    name: 'key-value-pair',
    mightMatch: (text) => text.includes('=') || text.includes(':'),
    scrub(text) {
      let result = '';
      let copiedUpTo = 0;
      let nextEquals = text.indexOf('=');
      let nextColon = text.indexOf(':');
      while (nextEquals !== -1 || nextColon !== -1) {
        const separator = nextColon === -1 || (nextEquals !== -1 && nextEquals < nextColon) ? nextEquals : nextColon;
        let resumeAt = separatorEnd(text, separator);
        const key = keyBefore(text, separator);
        if (key !== null && isSensitiveKey(key) && isQuotedKeyBefore(text, separator) && opensBracketedValue(text, skipBlanks(text, resumeAt))) {
          // `"credentials": {…}` in JSON that no longer parses: the whole object or array goes.
          const start = skipBlanks(text, resumeAt);
          resumeAt = bracketedValueEnd(text, start);
          if (!text.startsWith(replacement, start)) {
            result += text.slice(copiedUpTo, start) + replacement;
            copiedUpTo = resumeAt;
          }
        } else if (key !== null && isSensitiveKey(key)) {
          const value = readPairValue(text, skipBlanks(text, resumeAt));
          if (value !== null && !isCodeValue(text, value) && !isErrorCodePair(key, value.content) && !isKeyOfNextPair(value, isSensitiveKey)) {
            resumeAt = value.end;
            if (!isNothingToHide(text, value, replacement)) {
              result += text.slice(copiedUpTo, value.start) + replacement;
              copiedUpTo = value.start + value.content.length;
            }
          }
        }
        if (nextEquals !== -1 && nextEquals < resumeAt) nextEquals = text.indexOf('=', resumeAt);
        if (nextColon !== -1 && nextColon < resumeAt) nextColon = text.indexOf(':', resumeAt);
      }
      return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
    },
  };
}
