import { createAwsSecretPattern } from './aws-secret-key';
import { regexPattern, ValuePattern } from './value-pattern';

/**
 * Credential formats recognised by shape alone, wherever they appear. Every quantifier is
 * bounded or anchored on a literal prefix, so no pattern backtracks quadratically.
 */

/** PEM private keys, also truncated ones with no END line; the BEGIN/END lines stay for context. */
const PEM_PRIVATE_KEY =
  /(-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)[\s\S]*?(-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|$)/g;

/** Header and payload of a JWT both start with `eyJ` (base64url of `{"`). */
const JWT = /\beyJ[\w-]{2,}\.eyJ[\w-]{2,}\.[\w-]*/g;

/** A JWE has five segments (header, encrypted key, IV, ciphertext, tag); only its header is `eyJ`. */
const JWE = /\beyJ[\w-]{2,}\.[\w-]*\.[\w-]{2,}\.[\w-]{2,}\.[\w-]{2,}/g;

const AUTH_SCHEME_CREDENTIAL = /\b(bearer|basic)(\s+)([A-Za-z0-9._~+/-]+=*)/gi;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const NON_LETTER_OR_INNER_CAPITAL = /[^A-Za-z]|.[A-Z]/;

const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255})\b/g;
const GITHUB_TRIGGER = /gh[pousr]_|github_pat_/;
const STRIPE_KEY = /\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,247}\b/g;
const SLACK_TOKEN = /\bxox[abprs]-[A-Za-z0-9-]{10,250}/g;
const GOOGLE_API_KEY = /\bAIza[\w-]{35}(?![\w-])/g;
const AUTH_SCHEME_TRIGGER = /bearer|basic/i;

/**
 * Matches whenever any pattern of {@link createCredentialPatterns} or
 * {@link createUrlPasswordPattern} could: one regex scan instead of eight `includes` calls, so
 * that the common string with no credential shape costs almost nothing.
 */
export const CREDENTIAL_TRIGGER = /eyJ|bearer|basic|AKIA|ASIA|gh[pousr]_|github_pat_|k_live_|k_test_|xox|AIza|:\/\//i;

/** Scheme (≤ 32 chars), optional user, then the password up to the last `@` of the authority. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)([^\s:@/?#]*):([^\s/?#]+)@/gi;

/**
 * `Basic` must be followed by padded base64 of `user:password`, and `Bearer` by something that
 * looks random, so that "basic information" or "the bearer of bad news" stay readable.
 */
function looksLikeCredential(scheme: string, credential: string): boolean {
  if (credential.length < 8) return false;
  if (scheme.toLowerCase() === 'basic') {
    return (
      credential.length % 4 === 0 &&
      BASE64.test(credential) &&
      Buffer.from(credential, 'base64').toString('latin1').includes(':')
    );
  }
  return credential.length >= 20 || NON_LETTER_OR_INNER_CAPITAL.test(credential);
}

/** PEM private key blocks; run first, because their body would otherwise feed other patterns. */
export function createPemPattern(replacement: string): ValuePattern {
  return regexPattern(
    'pem-private-key',
    (text) => text.includes('-----BEGIN'),
    PEM_PRIVATE_KEY,
    (_match, begin: string, end: string) => `${begin}${replacement}${end}`,
  );
}

/** JWTs, `Bearer`/`Basic` credentials and vendor keys (AWS, GitHub, Stripe, Slack, Google). */
export function createCredentialPatterns(replacement: string): ValuePattern[] {
  const replace = (): string => replacement;
  return [
    regexPattern('jwe', (text) => text.includes('eyJ'), JWE, replace),
    regexPattern('jwt', (text) => text.includes('eyJ'), JWT, replace),
    regexPattern(
      'auth-scheme',
      (text) => AUTH_SCHEME_TRIGGER.test(text),
      AUTH_SCHEME_CREDENTIAL,
      (match: string, scheme: string, space: string, credential: string, offset: number, text: string) =>
        // A replacement that itself looks like a token ("REDACTED VALUE") must stay as it is.
        !text.startsWith(replacement, offset + scheme.length + space.length) && looksLikeCredential(scheme, credential)
          ? `${scheme}${space}${replacement}`
          : match,
    ),
    createAwsSecretPattern(replacement),
    regexPattern(
      'aws-access-key-id',
      (text) => text.includes('AKIA') || text.includes('ASIA'),
      AWS_ACCESS_KEY_ID,
      replace,
    ),
    regexPattern('github-token', (text) => GITHUB_TRIGGER.test(text), GITHUB_TOKEN, replace),
    regexPattern(
      'stripe-key',
      (text) => text.includes('k_live_') || text.includes('k_test_'),
      STRIPE_KEY,
      replace,
    ),
    regexPattern('slack-token', (text) => text.includes('xox'), SLACK_TOKEN, replace),
    regexPattern('google-api-key', (text) => text.includes('AIza'), GOOGLE_API_KEY, replace),
  ];
}

/** `scheme://user:password@host` keeps the scheme, user and host; only the password goes. */
export function createUrlPasswordPattern(replacement: string): ValuePattern {
  return regexPattern(
    'url-password',
    (text) => text.includes('://') && text.includes('@'),
    URL_PASSWORD,
    (_match, scheme: string, user: string) => `${scheme}${user}:${replacement}@`,
  );
}
