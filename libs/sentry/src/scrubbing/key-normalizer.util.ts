/** A key split into lower-case words, and the words joined without separators. */
export interface NormalizedKey {
  readonly words: readonly string[];
  readonly joined: string;
}

const LOWER_THEN_UPPER = /([a-z])([A-Z])/g;
const ACRONYM_THEN_WORD = /([A-Z]+)([A-Z][a-z])/g;
const LETTER_THEN_DIGIT = /([A-Za-z])(\d)/g;
const DIGIT_THEN_LETTER = /(\d)([A-Za-z])/g;
const SEPARATORS = /[^a-z0-9]+/;

/**
 * Splits a key into words: camelCase and acronyms (`XApiKey` → x api key), letters and digits
 * (`oauth2Token` → oauth 2 token), and any non-alphanumeric character (`-`, `_`, `.`, space,
 * `[`, `]`) separate words. Percent-encoded keys (`user%5Bpassword%5D`) are decoded first,
 * because form bodies and query strings carry them that way.
 */
export function normalizeKey(rawKey: string): NormalizedKey {
  const decoded = rawKey.includes('%') ? decodeLeniently(rawKey) : rawKey;
  const words = decoded
    .replace(LOWER_THEN_UPPER, '$1 $2')
    .replace(ACRONYM_THEN_WORD, '$1 $2')
    .replace(LETTER_THEN_DIGIT, '$1 $2')
    .replace(DIGIT_THEN_LETTER, '$1 $2')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((word) => word.length > 0);
  return { words, joined: words.join('') };
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
