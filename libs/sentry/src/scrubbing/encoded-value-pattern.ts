import { ValuePattern } from './value-pattern';

/**
 * A query or form pair whose value is percent- or plus-encoded: `next=https%3A%2F%2Fu%3Apw%40idp`
 * or `note=card+4111+1111+1111+1111`. The value patterns cannot see through the encoding (no
 * `://`, no spaces between digit groups), so the value is decoded, scrubbed and re-encoded.
 * Linear: the value cannot cross `&`, `#` or whitespace, and the key is bounded.
 */
const ENCODED_PAIR = /(^|[?&;#\s])([^=&#?;\s]{1,64})=([^&#\s]+)/g;
const MAY_BE_ENCODED = /%[0-9A-Fa-f]{2}|\+/;
const PLUS = /\+/g;
const NEEDS_ESCAPING = /[\s&=+%#]/;

function decodeLeniently(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(PLUS, ' '));
  } catch {
    return null;
  }
}

/**
 * Encodes a scrubbed value again; the replacement stays literal when it needs no escaping (the
 * default `[Filtered]`), so a filtered URL stays readable.
 */
function encodeKeepingReplacement(text: string, replacement: string): string {
  const joint = NEEDS_ESCAPING.test(replacement) ? encodeURIComponent(replacement) : replacement;
  return text.split(replacement).map(encodeURIComponent).join(joint);
}

/**
 * Looks through the encoding of query and form values, with `scrubDecoded` (the other value
 * patterns). A value is rewritten only when its decoded form held something to filter, so
 * harmless encoded values stay byte for byte. One level of encoding only.
 */
export function createEncodedValuePattern(scrubDecoded: (text: string) => string, replacement: string): ValuePattern {
  return {
    name: 'encoded-query-value',
    mightMatch: (text) => text.includes('=') && MAY_BE_ENCODED.test(text),
    scrub: (text) =>
      text.replace(ENCODED_PAIR, (pair: string, separator: string, key: string, value: string) => {
        if (!MAY_BE_ENCODED.test(value)) return pair;
        const decoded = decodeLeniently(value);
        if (decoded === null || decoded === value) return pair;
        const scrubbed = scrubDecoded(decoded);
        return scrubbed === decoded ? pair : `${separator}${key}=${encodeKeepingReplacement(scrubbed, replacement)}`;
      }),
  };
}
