import type { StackFrame } from '@sentry/core';
import { KeyMatcher } from './sensitive-keys';

/**
 * String literals on the right-hand side of a sensitive name in source context lines. The value
 * patterns read one line at a time and filter one value per key, so two leaks got through:
 * `const signingSecret = process.env.X || 'literal'` (only the first value went) and a value a
 * formatter wrapped onto the next line (`const apiSecret =\n  'literal';`). Here the frame's lines
 * are read as one window: after a sensitive name and `=`, `:`, `||`, `??`, `===` (or a quoted
 * sensitive name and `,`, as in `config.get('JWT_SECRET', 'literal')`), every string literal up
 * to the end of that expression is filtered, on every line it spans. Code (`process.env.X`,
 * calls) stays readable; the line count never changes.
 */

const NEWLINE = 10;
const MAX_KEY_LENGTH = 128;
/** An expression spanning more lines than this is cut short (a mis-read must not mask a whole window). */
const MAX_VALUE_LINES = 8;

/** Operators before which the name is the one the value belongs to. */
const ASSIGNMENT_PREFIX = '|&?!+-*/%^';
/** After these (or before these on the next line) an expression goes on past the line end. */
const CONTINUES_AFTER = '=|&?:+-*/%,([{.<>!^~';
const CONTINUES_BEFORE = '|&?:+-*/%.=';

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 95 /* _ */ || code === 36 /* $ */ || code === 46 /* . */
  );
}

/** Index after the literal opened at `start`: `'`/`"` end at the line end, template literals do not. */
function literalEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let cursor = start + 1;
  while (cursor < text.length) {
    const code = text.charCodeAt(cursor);
    if (code === 92 /* \ */) cursor += 2;
    else if (code === quote) return cursor + 1;
    else if (code === NEWLINE && quote !== 96) return cursor;
    else cursor++;
  }
  return text.length;
}

/** Where the content of the literal `start`..`end` ends: before its closing quote, if it has one. */
function contentEnd(text: string, start: number, end: number): number {
  return end - 1 > start && text.charCodeAt(end - 1) === text.charCodeAt(start) ? end - 1 : end;
}

/** The opening quote matching the closing one at `close`, within a name's length on the same line. */
function openingQuote(text: string, close: number): number {
  const quote = text.charCodeAt(close);
  for (let cursor = close - 1; cursor >= 0 && close - cursor <= MAX_KEY_LENGTH; cursor--) {
    const code = text.charCodeAt(cursor);
    if (code === quote) return cursor;
    if (code === NEWLINE) return -1;
  }
  return -1;
}

/**
 * The name an operator at `index` assigns or compares: `apiSecret`, `this.config.password`,
 * `'x-api-key'`, `process.env['API_SECRET']`, `config.get('JWT_SECRET')`. Null when there is none.
 */
function nameBefore(text: string, index: number): string | null {
  let cursor = index - 1;
  while (cursor >= 0 && isBlank(text.charCodeAt(cursor))) cursor--;
  if (text[cursor] === '?' || text[cursor] === '!') cursor--; // `apiSecret?: string`, `apiSecret!`
  const closer = text[cursor];
  if (closer === ')' || closer === ']') cursor--;
  if (cursor >= 0 && isQuote(text.charCodeAt(cursor))) {
    const open = openingQuote(text, cursor);
    return open === -1 ? null : text.slice(open + 1, cursor);
  }
  if (closer === ')' || closer === ']') return null;
  const end = cursor + 1;
  while (cursor >= 0 && isNameChar(text.charCodeAt(cursor)) && end - cursor <= MAX_KEY_LENGTH) cursor--;
  return end > cursor + 1 ? text.slice(cursor + 1, end) : null;
}

/** Where the operator at `index` ends if it hands a value to the name before it, else -1. */
function operatorEnd(text: string, index: number): { end: number; nameAt: number } | null {
  const char = text[index];
  const next = text[index + 1];
  if (char === ':') return next === ':' || text[index - 1] === ':' ? null : { end: index + 1, nameAt: index };
  if ((char === '|' && next === '|') || (char === '?' && next === '?')) {
    return { end: index + (text[index + 2] === '=' ? 3 : 2), nameAt: index };
  }
  if (char !== '=' || next === '>') return null;
  const before = text[index - 1];
  if (before === '<' || before === '>' || before === '=') return null;
  let nameAt = index;
  while (nameAt > index - 3 && ASSIGNMENT_PREFIX.includes(text[nameAt - 1] ?? ' ')) nameAt--;
  let end = index + 1;
  while (end < index + 3 && text[end] === '=') end++;
  return { end, nameAt };
}

function firstNonBlank(text: string, from: number): string {
  let cursor = from;
  while (cursor < text.length && isBlank(text.charCodeAt(cursor))) cursor++;
  return text[cursor] ?? '';
}

function lastNonBlank(text: string, before: number): string {
  let cursor = before - 1;
  while (cursor >= 0 && isBlank(text.charCodeAt(cursor))) cursor--;
  return text[cursor] ?? '';
}

const KEYWORDS_BEFORE_GROUP: ReadonlySet<string> = new Set(['return', 'await', 'yield', 'typeof', 'void', 'in', 'of', 'case', 'else', 'do']);

/**
 * A `(` that calls something (`connect(`, `get<string>(`, `fn()(`): its arguments are inputs to
 * code, not the value itself (`await this.connect('postgres://…')` under `session`). After a
 * keyword (`return (`, `await (`) or an operator it only groups.
 */
function opensCall(text: string, index: number): boolean {
  let cursor = index - 1;
  while (cursor >= 0 && isBlank(text.charCodeAt(cursor))) cursor--;
  const before = text[cursor];
  if (before === ')' || before === ']' || before === '>') return true;
  const end = cursor + 1;
  while (cursor >= 0 && end - cursor <= 10 && isNameChar(text.charCodeAt(cursor)) && text[cursor] !== '.') cursor--;
  return end > cursor + 1 && !KEYWORDS_BEFORE_GROUP.has(text.slice(cursor + 1, end));
}

/** A value being read: started by a sensitive name at one bracket depth, ended at that depth. */
interface OpenValue {
  sawValue: boolean;
  lines: number;
}

/**
 * The spans (start, end) of string literal contents that belong to a sensitive name, in a
 * window of source lines joined with `\n`. One forward pass: a sensitive name and its operator
 * open a value at the current bracket depth; it ends at `,` or `;` or a closing bracket at that
 * depth, or at a line end once complete (a line ending in an operator, or a next line starting
 * with one, goes on). Literals in the value are collected, also inside object, array and
 * grouping brackets, but not in a call's arguments, where the same rules apply afresh
 * (`config.get('JWT_SECRET', 'literal')`). Names are read backwards over at most
 * {@link MAX_KEY_LENGTH} characters, so the scan stays linear.
 */
export function sensitiveLiteralSpans(text: string, isSensitiveKey: KeyMatcher): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  /** Per bracket depth: literals inherited as masked from the enclosing value, and a value opened at that depth. */
  const inherited: boolean[] = [false];
  const open: Array<OpenValue | null> = [null];
  let depth = 0;
  /** The content of the literal right before the cursor (blanks aside): `'JWT_SECRET'` before `,`. */
  let lastLiteral: string | null = null;
  const masking = (): boolean => inherited[depth] || open[depth] !== null;
  const markSeen = (): void => {
    const value = open[depth];
    if (value) value.sawValue = true;
  };
  let cursor = 0;
  while (cursor < text.length) {
    const code = text.charCodeAt(cursor);
    const char = text[cursor];
    if (isQuote(code)) {
      const end = literalEnd(text, cursor);
      const contentStop = contentEnd(text, cursor, end);
      if (masking()) spans.push([cursor + 1, contentStop]);
      markSeen();
      lastLiteral = text.slice(cursor + 1, contentStop);
      cursor = end;
      continue;
    }
    if (text.startsWith('//', cursor) || text.startsWith('/*', cursor)) {
      const lineComment = text[cursor + 1] === '/';
      const close = lineComment ? text.indexOf('\n', cursor) : text.indexOf('*/', cursor + 2);
      cursor = close === -1 ? text.length : close + (lineComment ? 0 : 2);
      continue;
    }
    let opensValueAt = -1;
    if (char === '(' || char === '[' || char === '{') {
      markSeen();
      const masksInside = masking() && (char !== '(' || !opensCall(text, cursor));
      depth++;
      inherited[depth] = masksInside;
      open[depth] = null;
    } else if (char === ')' || char === ']' || char === '}') {
      open[depth] = null;
      if (depth > 0) depth--;
      markSeen();
    } else if (char === ',' || char === ';') {
      open[depth] = null;
      if (char === ',' && lastLiteral !== null && lastLiteral.length <= MAX_KEY_LENGTH && isSensitiveKey(lastLiteral)) opensValueAt = cursor + 1;
    } else if (code === NEWLINE) {
      const value = open[depth];
      if (value && ++value.lines > MAX_VALUE_LINES) open[depth] = null;
      else if (value && value.sawValue && !CONTINUES_AFTER.includes(lastNonBlank(text, cursor)) && !CONTINUES_BEFORE.includes(firstNonBlank(text, cursor + 1) || ';')) {
        open[depth] = null;
      }
    } else {
      const operator = operatorEnd(text, cursor);
      if (operator !== null) {
        const name = nameBefore(text, operator.nameAt);
        if (name !== null && isSensitiveKey(name)) opensValueAt = operator.end;
        else cursor = operator.end - 1;
      } else if (!isBlank(code)) {
        markSeen();
      }
    }
    if (!isBlank(code)) lastLiteral = null;
    if (opensValueAt !== -1) {
      open[depth] = { sawValue: false, lines: 0 };
      cursor = opensValueAt;
      continue;
    }
    cursor++;
  }
  return spans;
}

/**
 * Replaces each literal span, line by line, with the replacement: an empty piece, or one that
 * already is the replacement, stays (idempotency); newlines are kept.
 */
function maskSpans(text: string, spans: ReadonlyArray<[number, number]>, replacement: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (const [start, end] of spans) {
    result += text.slice(copiedUpTo, start);
    result += text
      .slice(start, end)
      .split('\n')
      .map((piece) => (piece.length === 0 || piece === replacement ? piece : replacement))
      .join('\n');
    copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}

/** Windows remembered per scrubber: the same frames come back with every repeat of an error. */
const WINDOW_CACHE_LIMIT = 512;
/** Longer windows (minified one-line bundles) are scanned every time, never kept. */
const MAX_CACHED_WINDOW_LENGTH = 16_384;

/** Masks a frame's source lines in place. */
export type SourceContextMasker = (frame: StackFrame) => void;

/**
 * Builds the masker for one rule set: the frame's source lines with every literal of a
 * sensitive name filtered, read as one window (`pre_context`, `context_line`, `post_context`)
 * and split back into the same lines. The value patterns still run on each line afterwards.
 * Frames whose lines are not plain one-line strings (or a replacement holding a newline) are
 * left to those patterns alone. Results are cached by window text (cleared when full), since
 * a repeated error brings the same windows again.
 */
export function createSourceContextMasker(isSensitiveKey: KeyMatcher, replacement: string): SourceContextMasker {
  /** Window text to its masked text, or null when nothing in it is masked. */
  const cache = new Map<string, string | null>();
  const maskWindow = (text: string): string | null => {
    const cached = cache.get(text);
    if (cached !== undefined) return cached;
    const spans = sensitiveLiteralSpans(text, isSensitiveKey);
    const masked = spans.length === 0 ? null : maskSpans(text, spans, replacement);
    if (text.length <= MAX_CACHED_WINDOW_LENGTH) {
      if (cache.size >= WINDOW_CACHE_LIMIT) cache.clear();
      cache.set(text, masked);
    }
    return masked;
  };
  return (frame) => {
    const pre = frame.pre_context ?? [];
    const post = frame.post_context ?? [];
    const current = typeof frame.context_line === 'string' ? [frame.context_line] : [];
    const lines: unknown[] = [...(Array.isArray(pre) ? pre : []), ...current, ...(Array.isArray(post) ? post : [])];
    if (replacement.includes('\n') || !lines.every((line) => typeof line === 'string' && !line.includes('\n'))) return;
    const maskedText = maskWindow((lines as string[]).join('\n'));
    if (maskedText === null) return;
    const masked = maskedText.split('\n');
    if (masked.length !== lines.length) return;
    const preLength = Array.isArray(frame.pre_context) ? frame.pre_context.length : 0;
    if (Array.isArray(frame.pre_context)) frame.pre_context = masked.slice(0, preLength);
    if (current.length === 1) frame.context_line = masked[preLength];
    if (Array.isArray(frame.post_context)) frame.post_context = masked.slice(preLength + current.length);
  };
}
