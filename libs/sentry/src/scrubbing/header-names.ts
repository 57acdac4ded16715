import { NormalizedKey } from './key-normalizer.util';

/**
 * Headers filtered whatever the key rules say (normalized names): credentials, and client IP
 * headers, which are personal data (the SDK drops some of them; we drop all we know of).
 * `cookie` and `set-cookie` are parsed and filtered per cookie name instead.
 */
const DENIED_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxyauthorization', 'xapikey', 'xauthtoken', 'xcsrftoken', 'xxsrftoken',
  'xforwardedfor', 'xoriginalforwardedfor', 'forwarded', 'xrealip', 'xclientip',
  'xclusterclientip', 'cfconnectingip', 'trueclientip', 'fastlyclientip',
]);

/**
 * A header named `…-Key` carries a key (`X-Admin-Key`, `X-Service-Key`), except these, which
 * carry identifiers chosen by the client.
 */
const HARMLESS_KEY_HEADERS: ReadonlySet<string> = new Set(['idempotency', 'cache', 'dedup', 'deduplication', 'routing', 'partition', 'sort']);

/** True for a header name whose last word is `key`, unless it names a harmless identifier. */
export function isKeyHeaderName(words: readonly string[]): boolean {
  return words.length > 1 && words[words.length - 1] === 'key' && !HARMLESS_KEY_HEADERS.has(words[words.length - 2]);
}

/** Extra rule for header names; the key rules apply as well. */
export function isDeniedHeaderName({ words, joined }: NormalizedKey): boolean {
  return DENIED_HEADERS.has(joined) || isKeyHeaderName(words);
}
