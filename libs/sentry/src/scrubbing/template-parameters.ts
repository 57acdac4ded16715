import { ScrubEngine } from './scrub-engine';

/**
 * `%s` and the other printf conversions of `util.format` / `console.log` (`%d`, `%i`, `%f`, `%j`,
 * `%o`, `%O`, `%c`) are parameters; `%%` is a literal percent sign (the SDK's `parameterize`
 * escapes `%` so).
 */
const PLACEHOLDER = /%%|%[sdifjoOc]/g;

/** Between a sensitive word and its placeholder: blanks, `:`, `=`, quotes (`password: '%s'`). */
const GAP = /[\s:="'`]*$/;
/** The word right before the gap, as a key (`db_password`, `x-api-key`), and the word before it (`api key`). */
const WORD_BEFORE = /(?:([A-Za-z0-9_.-]{1,64})[ \t]+)?([A-Za-z0-9_.-]{1,64})$/;
/** Verbs that may sit between the word and the value (`pin is %s`). */
const LINKING_WORDS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were']);

/** Templates with more parameters than this have every parameter filtered (fail closed). */
const MAX_CHECKED_PARAMETERS = 32;

/** Stands for the parameter under test: a bare word that reads as a credential after `Bearer `. */
const marker = (index: number): string => `__sentry_param_${index}__`;

/** A parameter as the template shows it: strings as they are, anything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * True when the text before a placeholder ends with a sensitive word, with no `=` needed:
 * `console.log('password %s', pw)`, `logger.log('pin is %s', pin)`.
 */
function followsSensitiveWord(before: string, engine: ScrubEngine): boolean {
  let text = before.replace(GAP, '');
  let words = WORD_BEFORE.exec(text);
  if (words !== null && LINKING_WORDS.has(words[2].toLowerCase())) {
    text = text.slice(0, text.length - words[2].length).replace(GAP, '');
    words = WORD_BEFORE.exec(text);
  }
  if (words === null) return false;
  const [, previous, word] = words;
  return engine.isSensitiveKey(word) || (previous !== undefined && engine.isSensitiveKey(`${previous} ${word}`));
}

/**
 * A parameter that is a whole path segment (`GET /files/%s`) and would be filtered there by its
 * shape (a random token): the marker, a plain word, cannot show that.
 */
function isSecretPathSegment(template: string, offset: number, text: string | undefined, engine: ScrubEngine): boolean {
  if (template[offset - 1] !== '/' || text === undefined) return false;
  const segment = `/${text}`;
  return engine.scrubString(segment) !== segment;
}

/**
 * The parameters of a message template (`Sentry.logger.fmt`, `parameterize`, `console.log`)
 * that sit where a secret goes: `token=%s`, `"password": "%s"`, `Bearer %s`, `password %s`, or
 * `%s=%s` with a sensitive first value. The message itself is scrubbed as a whole, but the SDK also sends each parameter on its
 * own (`sentry.message.parameter.N`, `logentry.params`), where its key is lost. Each parameter is
 * replaced by a marker, the others by their values; the parameter is sensitive when the string
 * scrubber removes its marker.
 */
export function sensitiveParameterIndexes(template: string, values: readonly unknown[], engine: ScrubEngine): number[] {
  const offsets = [...template.matchAll(PLACEHOLDER)].filter(([placeholder]) => placeholder !== '%%').map(({ index }) => index);
  const count = offsets.length;
  const checked = Math.min(count, values.length);
  if (checked === 0) return [];
  if (checked > MAX_CHECKED_PARAMETERS) return values.map((_value, index) => index);
  const texts = values.map(asText);
  const sensitive: number[] = [];
  for (let index = 0; index < checked; index++) {
    if (followsSensitiveWord(template.slice(Math.max(0, offsets[index] - 160), offsets[index]), engine)) {
      sensitive.push(index);
      continue;
    }
    let next = 0;
    const filled = template.replace(PLACEHOLDER, (placeholder) => {
      if (placeholder === '%%') return '%';
      // Other conversions read as %s once filled, as util.format would print them.
      const position = next++;
      return position === index ? marker(index) : texts[position] ?? '';
    });
    if (!engine.scrubString(filled).includes(marker(index)) || isSecretPathSegment(template, offsets[index], texts[index], engine)) {
      sensitive.push(index);
    }
  }
  return sensitive;
}

/**
 * The template with its parameters filled in as text, the masked ones as the replacement: the
 * message as the SDK would have built it had the secret never been there.
 */
export function fillTemplate(template: string, values: readonly unknown[], masked: ReadonlySet<number>, replacement: string): string {
  let next = 0;
  return template.replace(PLACEHOLDER, (placeholder) => {
    if (placeholder === '%%') return '%';
    const position = next++;
    if (position >= values.length) return placeholder;
    return masked.has(position) ? replacement : asText(values[position]);
  });
}
