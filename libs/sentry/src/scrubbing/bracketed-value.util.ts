const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;

/** True when `text` has a JSON object or array opening at `index`. */
export function opensBracketedValue(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === OPEN_BRACE || code === OPEN_BRACKET;
}

/**
 * The end (exclusive) of the JSON object or array opening at `start`: after its matching
 * bracket, or the end of the text when it was cut before closing (a truncated body). Strings
 * are skipped, so brackets inside them do not count. One pass, no backtracking.
 */
export function bracketedValueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) {
      return index + 1;
    }
  }
  return text.length;
}
