import { cacheResults } from './bounded-cache.util';
import { normalizeKey } from './key-normalizer.util';
import { KEY_CACHE_LIMIT } from './scrubbing.constants';
import { KeyMatcher } from './sensitive-keys';
import { regexPattern, ValuePattern } from './value-pattern';

/**
 * Secrets that travel in URL paths rather than in query strings: password-reset, invite and
 * magic-link tokens (`/reset/<token>`), webhook URLs (Slack, Discord, Teams), Telegram bot
 * tokens (`/bot<id>:<token>/`) and random-looking segments. A path is read wherever it appears
 * in text: `request.url`, transaction and span names (`GET /reset/…`), `url.path`/`http.target`
 * span data, breadcrumb URLs, log lines and exception messages. Query strings are left to the
 * key-value pattern.
 */

/**
 * A random-looking segment is filtered from this length on: the shortest common token formats
 * (Devise and Firebase 20, nanoid 21, base64url of 16 bytes 22, Slack's webhook secret 24) are
 * this long, while short ids (YouTube's 11, base36 ids, order numbers) are shorter.
 */
export const MIN_RANDOM_SEGMENT_LENGTH = 20;

/** Longest segment looked up as a word (key rules, flow words): words are short, ids are not. */
const MAX_WORD_LENGTH = 64;

/**
 * Words of a credential flow: what follows them in the path is the credential (`/reset/<token>`,
 * `/invite/<token>/accept`, `/magic-link/<token>`, `/unsubscribe/<token>`), next to the words
 * the key rules already call sensitive (`/password/…`, `/tokens/…`, `/auth/…`, `/session/…`).
 */
const FLOW_WORDS: ReadonlySet<string> = new Set([
  'reset', 'invite', 'invites', 'invitation', 'invitations', 'magic', 'magiclink', 'verify', 'verification',
  'confirm', 'confirmation', 'activate', 'activation', 'unsubscribe', 'login', 'signin', 'sso', 'mfa',
  'passwordless', 'recover', 'recovery', 'share', 'shared', 'hook', 'hooks', 'webhook', 'webhooks',
]);

const SLASH = 47;
const COLON = 58;

/**
 * Characters of a path: unreserved characters, `%` (percent-encoding) and `@` (Teams webhooks,
 * `/users/@ada`). Not `:` (it ends `host:port`, `file.ts:12:5` and route parameters `/:id`), not
 * `=`, `+`, `&`, `,` or `;` (query and form syntax, prose).
 */
function isPathChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 45 /* - */ || code === 46 /* . */ || code === 95 /* _ */ || code === 126 /* ~ */ ||
    code === 37 /* % */ || code === 64 /* @ */
  );
}

/** Letters, with at most two trailing digits per word (`webhookb2`, `oauth2`), joined by `-_.~`. */
const WORDS = /^[A-Za-z]+\d{0,2}(?:[-_.~][A-Za-z]+\d{0,2})*$/;
/** camelCase words, acronyms and digit runs. */
const CAMEL_WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;
const VERSION = /^v\d{1,4}$|^v?\d{1,6}(?:\.\d{1,6})+(?:-[A-Za-z0-9.]{1,32})?$/;
/** A file name: a stem, then an extension that starts with a letter (`report-2024-06.pdf`). */
const FILE_NAME = /^([\w~-]{1,200})(?:\.[\w-]{1,16}){0,3}\.[A-Za-z][A-Za-z0-9]{0,7}$/;
const TOKEN_CHARACTERS = /^[A-Za-z0-9_-]+$/;
/** Hex, with or without dashes: SHAs, ObjectIds, UUIDs (any case) stay readable. */
const HEX = /^[0-9A-Fa-f-]+$/;
/** A typed id (`cus_NffrFeUfNV2Hib`, TypeID `user_01h455vb4pex5vsknk084sn02q`): an id by convention. */
const TYPED_ID = /^([a-z]{2,10})_[A-Za-z0-9]{8,40}$/;
const INNER_DIGITS = /[A-Za-z]\d+(?=[A-Za-z])/g;

/**
 * Words, not data: lower-case words (`accept`, `new-password`, `auth.service.ts`), or camelCase
 * whose words average three characters or more (`IncomingWebhook`, `resetPassword`), which random
 * letters (`AbCdEfGh`) do not.
 */
function isWordSegment(segment: string): boolean {
  if (!WORDS.test(segment)) return false;
  const words = segment.match(CAMEL_WORD) ?? [];
  return words.length <= 2 || segment.length >= words.length * 3;
}

/**
 * Random-looking: 20+ token characters, lower-case letters with capitals or digits, and shaped
 * like no words: camelCase/digit words averaging under three characters, or a part (between `-`
 * and `_`) with digits inside letters twice (`k3j9x…`). Hex (SHAs, UUIDs), typed ids and
 * capitals-and-digits (ULIDs, `ORD-2024-000123`) stay; so do slugs (`Nestjs-Tips-2024-Edition`).
 */
export function isRandomSegment(segment: string, isSensitiveKey: KeyMatcher): boolean {
  if (segment.length < MIN_RANDOM_SEGMENT_LENGTH || !TOKEN_CHARACTERS.test(segment) || HEX.test(segment)) return false;
  const typed = TYPED_ID.exec(segment);
  if (typed !== null && !isSensitiveKey(typed[1])) return false;
  let lower = false;
  let upperOrDigit = false;
  for (let index = 0; index < segment.length; index++) {
    const code = segment.charCodeAt(index);
    if (code >= 97 && code <= 122) lower = true;
    else if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) upperOrDigit = true;
  }
  if (!lower || !upperOrDigit) return false;
  const words = segment.match(CAMEL_WORD) ?? [];
  let characters = 0;
  for (const word of words) characters += word.length;
  if (characters < words.length * 3) return true;
  return segment.split(/[-_]/).some((part) => (part.match(INNER_DIGITS)?.length ?? 0) >= 2);
}

/**
 * What may follow a credential word and stay: words, versions (`v2`, `1.4.0`) and file names
 * whose stem is not random. Anything else there (numbers, UUIDs, hex, tokens) is the credential.
 */
function isReadableAfterCredentialWord(segment: string, isSensitiveKey: KeyMatcher): boolean {
  if (isWordSegment(segment) || VERSION.test(segment)) return true;
  const file = FILE_NAME.exec(segment);
  return file !== null && !isRandomSegment(file[1], isSensitiveKey);
}

/** A webhook host: `hooks.slack.com`, `hooks.zapier.com`, `*.webhook.office.com` (after any `user@`). */
function isWebhookHost(authority: string): boolean {
  const lower = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  return lower.startsWith('hooks.') || lower.includes('webhook');
}

/**
 * Builds the cached test for a credential word segment: a word (see {@link isWordSegment}) that
 * is a flow word or a key the key rules call sensitive. Every segment of every path asks, so
 * the answer is one Map lookup once seen; segments longer than a word are never one.
 */
function createCredentialWordTest(isSensitiveKey: KeyMatcher): (segment: string) => boolean {
  const cached = cacheResults(
    (segment) => {
      if (!isWordSegment(segment)) return false;
      const { words, joined } = normalizeKey(segment);
      return joined.includes('webhook') || words.some((word) => FLOW_WORDS.has(word)) || isSensitiveKey(segment);
    },
    KEY_CACHE_LIMIT,
    MAX_WORD_LENGTH,
  );
  return (segment) => segment.length <= MAX_WORD_LENGTH && cached(segment);
}

/**
 * Path segments that hold a credential. A run of path characters and `/` is read segment by
 * segment: after a credential word (or on a webhook host) every later segment of the run that
 * is not a word, version or file name is filtered; in a run that starts with `/` (an absolute
 * path or a URL), a random-looking segment is filtered wherever it is. The first segment of a
 * relative run (`and/or`) and a URL's host are never filtered. One pass, linear: each character
 * is read at most twice (once back to find where a run starts).
 */
export function createUrlPathPattern(isSensitiveKey: KeyMatcher, replacement: string): ValuePattern {
  const isCredentialWordSegment = createCredentialWordTest(isSensitiveKey);
  return {
    name: 'url-path-secret',
    mightMatch: (text) => text.includes('/'),
    scrub(text) {
      let result = '';
      let copiedUpTo = 0;
      let slash = text.indexOf('/');
      while (slash !== -1) {
        let runStart = slash;
        while (runStart > 0 && isPathChar(text.charCodeAt(runStart - 1))) runStart--;
        // What comes before the first `/`: nothing (`/reset/…`, `https://`), a host (`api.example.com/…`,
        // `host:8443/…` after the colon), or the first word of a relative path (`reset/…`, `and/or`).
        const head = text.slice(runStart, slash);
        const hostLike = head.includes('.') || head.includes('@') || (runStart > 0 && text.charCodeAt(runStart - 1) === COLON);
        const absolute = head.length === 0 || hostLike;
        let afterCredentialWord = head.length > 0 && (hostLike ? isWebhookHost(head) : isCredentialWordSegment(head));
        let expectHost = head.length === 0 && text.charCodeAt(slash + 1) === SLASH;
        let cursor = slash;
        while (cursor < text.length && text.charCodeAt(cursor) === SLASH) {
          const start = cursor + 1;
          if (replacement.length > 0 && text.startsWith(replacement, start)) {
            // Already filtered (idempotency): the replacement counts as one segment.
            cursor = start + replacement.length;
            continue;
          }
          let end = start;
          while (end < text.length && isPathChar(text.charCodeAt(end))) end++;
          cursor = end;
          if (end === start) continue;
          const segment = text.slice(start, end);
          if (expectHost) {
            expectHost = false;
            if (isWebhookHost(segment)) afterCredentialWord = true;
            continue;
          }
          const filtered =
            (afterCredentialWord && !isReadableAfterCredentialWord(segment, isSensitiveKey)) ||
            (absolute && isRandomSegment(segment, isSensitiveKey));
          if (filtered) {
            result += text.slice(copiedUpTo, start) + replacement;
            copiedUpTo = end;
          } else if (!afterCredentialWord && isCredentialWordSegment(segment)) {
            afterCredentialWord = true;
          }
        }
        slash = cursor < text.length ? text.indexOf('/', cursor) : -1;
      }
      return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
    },
  };
}

/**
 * Telegram bot tokens after `bot` in a URL (`/bot123456789:AAH…/sendMessage`), where the vendor
 * pattern's word boundary cannot see them. The bot id stays; the secret goes.
 */
const BOT_TOKEN = /(?<![A-Za-z0-9])bot(\d{5,16}):[A-Za-z0-9_-]{30,60}(?![A-Za-z0-9_-])/g;

export function createBotTokenPattern(replacement: string): ValuePattern {
  return regexPattern('bot-token', (text) => text.includes('bot'), BOT_TOKEN, (_match, id: string) => `bot${id}:${replacement}`);
}
