/**
 * Options of the scrubbing engine. Every field is optional: the built-in rules
 * (see `sensitive-keys.ts` and `sensitive-values.ts`) always apply.
 *
 * @publicApi
 */
export interface ScrubbingOptions {
  /**
   * Extra sensitive keys. Strings are normalized like built-in keys
   * (`X-Tenant-Secret` → `xtenantsecret`) and matched as substrings of the normalized key;
   * a RegExp is tested against the normalized key (lower-case, separators removed).
   * @default []
   */
  extraKeys?: Array<string | RegExp>;
  /**
   * Extra value patterns, applied to every string after the built-in ones; every match is
   * replaced. A non-global RegExp is treated as global. A pattern must not match the
   * replacement text, or scrubbing stops being idempotent.
   * @default []
   */
  extraPatterns?: RegExp[];
  /**
   * Keys never filtered, even if they look sensitive. Normalized like built-in keys,
   * then compared for equality (`session_count` allows `sessionCount` too).
   * @default []
   */
  allowKeys?: string[];
  /**
   * Personal data rules (README, "Personal data"): IP addresses, email addresses and phone
   * numbers in any text, and keys that name personal data (`dob`, `phone`, `street`,
   * `first_name`, `client.address`, ...). `false` turns off only these; the secrets rules stay.
   * The `user.email`, `user.username` and `user.name` the app sets are always kept.
   * @default true
   */
  personalData?: boolean;
  /**
   * Replacement text for filtered values.
   * @default '[Filtered]'
   */
  replacement?: string;
}

/**
 * Relay's replacement text, so scrubbed events look the same as server-side scrubbed ones.
 *
 * @publicApi
 */
export const DEFAULT_REPLACEMENT = '[Filtered]';
