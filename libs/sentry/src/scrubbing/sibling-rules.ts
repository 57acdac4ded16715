import { holdsAwsAccessKeyId, looksLikeAwsSecret } from './aws-secret-key';
import { KeyMatcher } from './sensitive-keys';

/**
 * Rules that read a value's siblings rather than its own key: the key that names a secret is
 * itself a value (`{ name: 'smtp_password', value }`, `['Authorization', 'Token …']`), or the
 * container's shape says what its members are (a JWK's private members, an AWS key pair).
 * Each rule starts with a cheap shape test, so ordinary objects cost a property lookup or two.
 */

/** Members of a JWK that hold private key material (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const JWK_PRIVATE_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

/** Names of the member that names a name/value pair (`{ name, value }`, `{ Key, Value }`). */
const PAIR_NAME_MEMBERS: readonly string[] = ['name', 'key', 'Name', 'Key', 'field', 'header'];
const PAIR_VALUE_MEMBERS: readonly string[] = ['value', 'Value'];

/** An HTTP header name, as `rawHeaders` holds them. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

type Mask = (value: unknown) => unknown;

/**
 * In the copy of one object: masks the value of a name/value pair whose name is sensitive, a
 * JWK's private members (an object with `kty`), and secrets beside an AWS access key id.
 */
export function applyObjectSiblingRules(source: Record<string, unknown>, copy: Record<string, unknown>, isSensitiveKey: KeyMatcher, mask: Mask): void {
  for (const valueMember of PAIR_VALUE_MEMBERS) {
    if (!(valueMember in copy)) continue;
    const named = PAIR_NAME_MEMBERS.some((member) => typeof source[member] === 'string' && isSensitiveKey(source[member] as string));
    if (named) copy[valueMember] = mask(source[valueMember]);
  }
  if (typeof source.kty === 'string') {
    for (const member of JWK_PRIVATE_MEMBERS) if (member in copy) copy[member] = mask(source[member]);
  }
}

/**
 * In the copy of one array: `rawHeaders`-style `[name, value, name, value]` lists mask the value
 * after a sensitive header name; and a secret beside an AWS access key id is masked.
 */
export function applyArraySiblingRules(source: ArrayLike<unknown>, copy: unknown[], isSensitiveHeader: KeyMatcher, mask: Mask): void {
  const length = Math.min(source.length, copy.length);
  if (length < 2 || length % 2 !== 0 || typeof source[0] !== 'string') return;
  for (let index = 0; index < length; index += 2) {
    const name = source[index];
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) return;
  }
  for (let index = 0; index < length; index += 2) {
    if (isSensitiveHeader(source[index] as string)) copy[index + 1] = mask(source[index + 1]);
  }
}

/** True when a value makes its 40-character base64 siblings AWS secrets. */
export function isAwsKeyIdValue(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 20 && holdsAwsAccessKeyId(value);
}

/** Masks, in the copy, every string of `source` shaped like an AWS secret access key. */
export function maskAwsSecrets(source: ArrayLike<unknown> | Record<string, unknown>, copy: unknown[] | Record<string, unknown>, keys: readonly string[] | null, replacement: string): void {
  const names = keys ?? Array.from({ length: (source as ArrayLike<unknown>).length }, (_item, index) => String(index));
  const read = source as Record<string, unknown>;
  const write = copy as Record<string, unknown>;
  for (const name of names) {
    const value = read[name];
    if (typeof value === 'string' && looksLikeAwsSecret(value) && name in write) write[name] = replacement;
  }
}
