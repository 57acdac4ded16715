import { NormalizedKey } from './key-normalizer.util';

/**
 * Session, login and CSRF cookies of common frameworks, on top of the key rules (which already
 * catch `session`, `sessionid`, `sid`, `connect.sid`, `PHPSESSID`, `JSESSIONID`, `csrftoken`,
 * `_csrf`, `XSRF-TOKEN`, `remember_token`, `laravel_session`, `ASP.NET_SessionId`, ...).
 * Fragments here are substrings: `_gh_sess`, `SSESS<hash>` (Drupal), `express:sess`,
 * `.ASPXAUTH`, `remember_me`, `wordpress_logged_in_<hash>`.
 */
const SESSION_COOKIE_FRAGMENTS: readonly string[] = ['sess', 'remember', 'auth', 'sid', 'loggedin'];

/** Extra rule for cookie names; the key rules apply as well. */
export function isSessionCookieName({ joined }: NormalizedKey): boolean {
  return SESSION_COOKIE_FRAGMENTS.some((fragment) => joined.includes(fragment));
}
