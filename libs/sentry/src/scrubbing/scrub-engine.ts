import { isSessionCookieName } from './cookie-names';
import { isDeniedHeaderName } from './header-names';
import { createDeepScrubber, DeepScrubber, maskSensitiveValue } from './scrub-value';
import { DEFAULT_REPLACEMENT, ScrubbingOptions } from './scrubbing-options';
import { createKeyMatcher, KeyMatcher } from './sensitive-keys';
import { createStringScrubber, StringScrubber } from './sensitive-values';

/**
 * The rules of one scrubber, compiled once from the options: key matchers (each with its own
 * bounded cache), the string scrubber and the walker. Every event-specific helper takes this.
 */
export interface ScrubEngine {
  readonly replacement: string;
  readonly isSensitiveKey: KeyMatcher;
  readonly isSensitiveHeader: KeyMatcher;
  readonly isSensitiveCookie: KeyMatcher;
  readonly scrubString: StringScrubber;
  /**
   * `scrubString` without the personal-data value patterns: for what the app states about its
   * own user (`user.email`, `user.username`), which it sets on purpose.
   */
  readonly scrubSecrets: StringScrubber;
  readonly scrubDeep: DeepScrubber;
  /** What stays of a value under a sensitive key. */
  mask(value: unknown): unknown;
}

/** Compiles the options into a {@link ScrubEngine}. */
export function createScrubEngine(options: ScrubbingOptions = {}): ScrubEngine {
  const replacement = options.replacement ?? DEFAULT_REPLACEMENT;
  const isSensitiveKey = createKeyMatcher(options);
  const personalData = options.personalData !== false;
  const scrubString = createStringScrubber(isSensitiveKey, replacement, options.extraPatterns, personalData);
  const scrubSecrets = personalData ? createStringScrubber(isSensitiveKey, replacement, options.extraPatterns) : scrubString;
  const isSensitiveHeader = createKeyMatcher(options, isDeniedHeaderName);
  return {
    replacement,
    isSensitiveKey,
    isSensitiveHeader,
    isSensitiveCookie: createKeyMatcher(options, isSessionCookieName),
    scrubString,
    scrubSecrets,
    scrubDeep: createDeepScrubber({ replacement, isSensitiveKey, isSensitiveHeader, scrubString }),
    mask: (value) => maskSensitiveValue(value, replacement),
  };
}
