/** One rule that finds secrets inside a string and replaces them. */
export interface ValuePattern {
  /** Name used in tests and diagnostics. */
  readonly name: string;
  /** A cheap test (`includes`, a tiny regex) that is false whenever `scrub` would change nothing. */
  mightMatch(text: string): boolean;
  /** Returns the text with every match replaced; the same text when nothing matched. */
  scrub(text: string): string;
}

/** As in lib.d.ts: capture groups, then offset and input, as `String.prototype.replace` passes them. */
type Replacer = (match: string, ...groupsOffsetInput: any[]) => string;

/**
 * Builds a pattern from a global RegExp. The regex is compiled once per scrubber, never per
 * call; `String.prototype.replace` resets `lastIndex`, so sharing it is safe.
 */
export function regexPattern(
  name: string,
  mightMatch: (text: string) => boolean,
  regex: RegExp,
  replace: Replacer,
): ValuePattern {
  return { name, mightMatch, scrub: (text) => text.replace(regex, replace) };
}

/** A user pattern from `extraPatterns`: made global so that every match is replaced. */
export function extraPattern(regex: RegExp, replacement: string): ValuePattern {
  const global = regex.global ? regex : new RegExp(regex.source, `${regex.flags}g`);
  // A function replacer, so `$&` or `$1` in the replacement text stay literal.
  return regexPattern(`extra:${regex.source}`, () => true, global, () => replacement);
}
