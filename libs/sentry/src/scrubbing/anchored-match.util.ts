/**
 * Replaces matches of a global regex that starts at a literal anchor (`@`, `:`) and reads what
 * comes before it in a lookbehind whose first capture group is that prefix. Why: a regex that
 * starts with a character class is tried at every position of a 10 KB body, while one that
 * starts with a literal lets the engine skip to the next anchor. `decide` gets the whole
 * candidate (prefix and match) and returns its replacement, or `undefined` to keep it.
 */
export function replaceAnchored(
  text: string,
  regex: RegExp,
  decide: (candidate: string, match: RegExpMatchArray) => string | undefined,
): string {
  let result = '';
  let copied = 0;
  for (const match of text.matchAll(regex)) {
    const prefix = match[1] ?? '';
    const start = match.index - prefix.length;
    // A candidate that overlaps one already replaced is left alone (it cannot start inside it).
    if (start < copied) continue;
    const replacement = decide(prefix + match[0], match);
    if (replacement === undefined) continue;
    result += text.slice(copied, start) + replacement;
    copied = match.index + match[0].length;
  }
  return copied === 0 ? text : result + text.slice(copied);
}
