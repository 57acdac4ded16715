/**
 * The value right after a separator (sticky): `\"escaped\"`, `"double"`, `'single'`,
 * `` `template` `` (quotes may be unterminated in truncated text), or a bare word, optionally
 * after an auth scheme (`Authorization: Token abc`): a known one, or any capitalised word
 * followed by at least 8 credential characters (`SSWS …`, `Bot …`, `GenieKey …`). Groups 1-5 hold the content.
 */
const VALUE =
  /(?:\\"((?:[^"\\]|\\[^"])*)(?:\\"|$)|"((?:[^"\\\r\n]|\\.)*)(?:"|(?=[\r\n])|$)|'((?:[^'\\\r\n]|\\.)*)(?:'|(?=[\r\n])|$)|`((?:[^`\\]|\\.)*)(?:`|$)|((?:(?:[Bb]earer|[Bb]asic|[Tt]oken|[Dd]igest|[Nn]egotiate|[Aa]pi[Kk]ey|BEARER|BASIC|TOKEN)[ \t]+|[A-Z][A-Za-z0-9-]{1,23}[ \t]+(?=[A-Za-z0-9._~+/]{8}))?[^\s&;,"'`<>(){}[\]\\]+))/y;

/** Opening quote length per content group: `\"` is two characters, a bare word none. */
const QUOTE_LENGTH = [0, 2, 1, 1, 1, 0];
const BARE_GROUP = QUOTE_LENGTH.length - 1;

/**
 * Literals that reveal nothing, kept for consistency with the walker (`password: null`), and the
 * `%s` placeholder of a message template (`token=%s` stays readable; the parameter is masked).
 */
const HARMLESS_LITERALS: ReadonlySet<string> = new Set(['null', 'undefined', 'true', 'false', 'None', 'nil', '%s']);

/**
 * A bare value that is code, not data, in source context lines: `const session = await connect()`
 * or `token = readToken(path)` hold no secret, and filtering them would garble the line.
 */
const CODE_WORDS: ReadonlySet<string> = new Set([
  'await', 'new', 'this', 'function', 'async', 'yield', 'typeof', 'require', 'import', 'return', 'super', 'void',
]);

const OPENING_PARENTHESIS = 40;
const BLANK = /[ \t]/;

/** Where the value of a pair is, and what it holds. */
export interface PairValue {
  /** Index of the first content character (after an opening quote). */
  start: number;
  content: string;
  /** Index after the value (after a closing quote). */
  end: number;
  /** A bare word: no quotes, no auth scheme. */
  bare: boolean;
  /** Not quoted: a bare word, possibly after a scheme-like word. */
  unquoted: boolean;
}

/** Reads the value of a pair starting at `start`, or null if there is none. */
export function readPairValue(text: string, start: number): PairValue | null {
  VALUE.lastIndex = start;
  const match = VALUE.exec(text);
  if (match === null) return null;
  for (let group = 1; group <= BARE_GROUP; group++) {
    const content = match[group];
    if (content !== undefined) {
      const bare = group === BARE_GROUP && !content.includes(' ') && !content.includes('\t');
      return { start: start + QUOTE_LENGTH[group], content, end: start + match[0].length, bare, unquoted: group === BARE_GROUP };
    }
  }
  return null;
}

/** Code (`await`, `await read()`, a call) rather than data: not a value to filter. */
export function isCodeValue(text: string, { content, end, unquoted }: PairValue): boolean {
  if (!unquoted) return false;
  const firstBlank = content.search(BLANK);
  // One word right before `(` is a call; two words (`scheme credential(`) are a credential, cut short.
  if (firstBlank === -1) return CODE_WORDS.has(content) || text.charCodeAt(end) === OPENING_PARENTHESIS;
  return CODE_WORDS.has(content.slice(0, firstBlank));
}

/** Nothing to hide: empty, a harmless literal, or already the replacement (idempotency). */
export function isNothingToHide(text: string, { content, start }: PairValue, replacement: string): boolean {
  return content.length === 0 || HARMLESS_LITERALS.has(content) || text.startsWith(replacement, start);
}
