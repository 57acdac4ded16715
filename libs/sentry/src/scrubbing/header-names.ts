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

/** Extra rule for header names; the key rules apply as well. */
export function isDeniedHeaderName({ joined }: NormalizedKey): boolean {
  return DENIED_HEADERS.has(joined);
}
