import { regexPattern, ValuePattern } from './value-pattern';

/**
 * An AWS secret access key has no prefix: 40 base64 characters. Alone it cannot be told from
 * other data, but next to an access key id (`AKIA…`/`ASIA…`) in the same string or object it
 * can. A mix of upper case, lower case and digits is required, so a git SHA (lower-case hex)
 * next to a key id stays readable.
 */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
const SECRET_CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const DIGIT = /\d/;

/** True for a 40-character base64 run with upper case, lower case and digits. */
export function looksLikeAwsSecret(text: string): boolean {
  return SECRET_SHAPE.test(text) && UPPER.test(text) && LOWER.test(text) && DIGIT.test(text);
}

/** True when the text holds an access key id, which makes a nearby 40-character run a secret. */
export function holdsAwsAccessKeyId(text: string): boolean {
  return (text.includes('AKIA') || text.includes('ASIA')) && ACCESS_KEY_ID.test(text);
}

/** In one string: secrets next to an access key id. Must run before the id itself is filtered. */
export function createAwsSecretPattern(replacement: string): ValuePattern {
  return regexPattern('aws-secret-access-key', holdsAwsAccessKeyId, SECRET_CANDIDATE, (match: string) =>
    looksLikeAwsSecret(match) ? replacement : match,
  );
}

/**
 * In one object or array (`{ id: 'AKIA…', key: '…' }`, `['AKIA…', '…']`): when a raw value held
 * an access key id, every sibling string shaped like a secret is masked in the copy.
 */
export function maskAwsSecretSiblings(raw: readonly unknown[], copy: Record<string, unknown> | unknown[], keys: readonly (string | number)[], replacement: string): void {
  if (!raw.some((value) => typeof value === 'string' && holdsAwsAccessKeyId(value))) return;
  const target = copy as Record<string | number, unknown>;
  raw.forEach((value, index) => {
    if (typeof value === 'string' && looksLikeAwsSecret(value)) target[keys[index]] = replacement;
  });
}
