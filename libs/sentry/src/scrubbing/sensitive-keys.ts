import { cacheResults } from './bounded-cache.util';
import { isKeyHeaderName } from './header-names';
import { METADATA_SUFFIXES } from './key-metadata-suffixes';
import { normalizeKey, NormalizedKey } from './key-normalizer.util';
import { isPersonalDataKey } from './personal-data-keys';
import { KEY_CACHE_LIMIT, MAX_CACHED_KEY_LENGTH } from './scrubbing.constants';
import { ScrubbingOptions } from './scrubbing-options';

/**
 * Unambiguous fragments, matched as substrings of the joined key, so that `user_password`,
 * `newPassword`, `clientsecret` and `X-Api-Key` all match. Known false positives that we accept
 * as the price of safety: `secretary`, `cookie_consent`, `authorization_url`.
 */
const SENSITIVE_FRAGMENTS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'passcode', 'secret', 'credential',
  'apikey', 'privatekey', 'privkey', 'encryptionkey', 'signingkey', 'accesskey', 'masterkey',
  'licensekey', 'authorization', 'authentication', 'bearer', 'jwt', 'cookie', 'csrf', 'xsrf',
  'signature', 'hmac',
  'mysqlpwd', 'connectsid', 'phpsessid', 'sessionid',
  'cardnumber', 'creditcard', 'ccnumber', 'socialsecurity', 'recoverycode', 'backupcode',
];

/**
 * Short, ambiguous fragments, matched only as whole words: `auth` but not `author`,
 * `pin` but not `spinner`, `pass` but not `passage` or `compass`, `sid` but not `assid`.
 */
const SENSITIVE_WORDS: ReadonlySet<string> = new Set([
  'auth', 'pin', 'otp', 'totp', 'cvv', 'cvc', 'ssn', 'sid', 'sess', 'session', 'iban', 'pass', 'pwd', 'sig',
]);

/**
 * `code` alone is the OAuth authorization code; after these words it is a one-time code
 * (`verification_code`, OAuth device flow `user_code`). `error_code`, `country_code` stay.
 * Error codes under a bare `code` key stay readable (see error-code.util).
 */
const ONE_TIME_CODE_QUALIFIERS: ReadonlySet<string> = new Set([
  'verification', 'confirmation', 'activation', 'reset', 'login', 'invite', 'invitation', 'security',
  'access', 'mfa', 'sms', 'device', 'user', 'magic', 'oauth', 'grant',
]);

/**
 * Plural `tokens` is sensitive alone or after a credential word; `max_tokens`, `input_tokens`
 * and other LLM usage counters are not.
 */
const CREDENTIAL_TOKEN_LISTS: readonly string[] = [
  'accesstokens', 'refreshtokens', 'idtokens', 'authtokens', 'apitokens', 'bearertokens',
  'sessiontokens', 'csrftokens',
];

/** `token_value` holds the token itself, unlike `token_count` or `token_type`. */
const TOKEN_VALUE_WORDS: ReadonlySet<string> = new Set(['value', 'raw', 'plain', 'string', 'str']);

/** Decides whether a normalized key names a sensitive value, by the built-in rules only. */
export function isBuiltInSensitiveKey({ words, joined }: NormalizedKey): boolean {
  const last = words[words.length - 1];
  if (words.length > 1 && METADATA_SUFFIXES.has(last)) return false;
  if (joined.endsWith('token')) return true;
  if (last === 'code' && (words.length === 1 || ONE_TIME_CODE_QUALIFIERS.has(words[words.length - 2]))) return true;
  // A header carried as data (`http.request.header.x_admin_key`): keys in headers are credentials.
  if (last === 'key' && words.includes('header') && isKeyHeaderName(words)) return true;
  if (joined === 'tokens' || CREDENTIAL_TOKEN_LISTS.some((list) => joined.endsWith(list))) {
    return true;
  }
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (SENSITIVE_WORDS.has(word)) return true;
    if (word === 'token' && TOKEN_VALUE_WORDS.has(words[index + 1])) return true;
  }
  return SENSITIVE_FRAGMENTS.some((fragment) => joined.includes(fragment));
}

/** Tests a raw key; decisions are cached per raw key. */
export type KeyMatcher = (rawKey: string) => boolean;

/**
 * Builds the key matcher for one set of options: allowed keys first, then extra keys,
 * then `contextRule` (header or cookie names), then the built-in rules, then the personal-data
 * keys unless `personalData` is false. The result is cached
 * per raw key in a bounded Map, which is what keeps a full event walk within budget: an app
 * uses few distinct keys.
 */
export function createKeyMatcher(
  options: ScrubbingOptions = {},
  contextRule: (key: NormalizedKey) => boolean = () => false,
): KeyMatcher {
  const personalData = options.personalData !== false;
  const allowed = new Set((options.allowKeys ?? []).map((key) => normalizeKey(key).joined));
  const extraFragments: string[] = [];
  const extraRegexps: RegExp[] = [];
  for (const key of options.extraKeys ?? []) {
    if (typeof key === 'string') {
      const fragment = normalizeKey(key).joined;
      if (fragment.length > 0) extraFragments.push(fragment);
    } else {
      // Without g/y a RegExp keeps no lastIndex state between tests.
      extraRegexps.push(new RegExp(key.source, key.flags.replace(/[gy]/g, '')));
    }
  }
  return cacheResults((rawKey) => {
    const normalized = normalizeKey(rawKey);
    const { joined } = normalized;
    if (joined.length === 0 || allowed.has(joined)) return false;
    if (extraFragments.some((fragment) => joined.includes(fragment))) return true;
    if (extraRegexps.some((regexp) => regexp.test(joined))) return true;
    return contextRule(normalized) || isBuiltInSensitiveKey(normalized) || (personalData && isPersonalDataKey(normalized));
  }, KEY_CACHE_LIMIT, MAX_CACHED_KEY_LENGTH);
}
