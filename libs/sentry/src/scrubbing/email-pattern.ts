import { replaceAnchored } from './anchored-match.util';
import { ValuePattern } from './value-pattern';

/**
 * A mailbox: a local part of up to 64 characters not glued to another one, `@` (or `%40`, as
 * in an encoded URL path), then a domain whose last label is 2-24 letters. A numeric last label
 * is a version, so `lodash@4.17.21` and `@nestjs/core@12.0.1` stay; `@nestjs/core` has no local
 * part. In an encoded path the local part may hold an escaped plus (`ada%2Bbilling%40example.com`);
 * no other escape, so an encoded URL's user (`https%3A%2F%2Fdeploy%40host`) is not a mailbox.
 * The match starts at the `@` (the local part is read by the lookbehind, group 1), so that a
 * long text is scanned for `@` and `%` only. Every quantifier is bounded: linear.
 */
const EMAIL =
  /(?<=(?<![\w.+%-])(?<!\/\/)((?:[\w.+-]|%2[Bb]){1,64}))(?:@|%40)(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9])/g;

/**
 * Accounts of services rather than people: the user of an SSH git remote (`git@github.com:org/x`).
 * A URL's user (`https://deploy@git.example.test/x`) is excluded by the pattern itself.
 */
const SERVICE_ACCOUNTS: ReadonlySet<string> = new Set(['git']);

/** Email addresses in any text: messages, query values, bodies, log lines, span names. */
export function createEmailPattern(replacement: string): ValuePattern {
  return {
    name: 'email-address',
    mightMatch: (text) => text.includes('@') || text.includes('%40'),
    scrub: (text) => replaceAnchored(text, EMAIL, (_mailbox, [, local]) => (SERVICE_ACCOUNTS.has(local) ? undefined : replacement)),
  };
}
