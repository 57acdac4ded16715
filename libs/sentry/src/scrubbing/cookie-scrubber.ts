import { ScrubEngine } from './scrub-engine';
import { setOwn } from './scrub-value';

/** One `name=value` cookie pair: session-like names lose the value, others are pattern-scanned. */
function scrubCookiePair(pair: string, engine: ScrubEngine): string {
  const equals = pair.indexOf('=');
  if (equals === -1) return engine.scrubString(pair);
  const name = pair.slice(0, equals);
  const value = pair.slice(equals + 1);
  if (value === '') return pair;
  const scrubbed = engine.isSensitiveCookie(name.trim()) ? engine.replacement : engine.scrubString(value);
  return `${name}=${scrubbed}`;
}

/**
 * A `Cookie` request header (`a=1; session=abc`), filtered per cookie name so that harmless
 * cookies (`theme=dark`) stay readable.
 */
export function scrubCookieHeader(header: string, engine: ScrubEngine): string {
  return header
    .split(';')
    .map((pair) => scrubCookiePair(pair, engine))
    .join(';');
}

/** A `Set-Cookie` header: the first pair is the cookie, the rest are attributes (`Path=/`). */
export function scrubSetCookieHeader(header: string, engine: ScrubEngine): string {
  const semicolon = header.indexOf(';');
  if (semicolon === -1) return scrubCookiePair(header, engine);
  return scrubCookiePair(header.slice(0, semicolon), engine) + engine.scrubString(header.slice(semicolon));
}

/** `request.cookies` (name → value), filtered per cookie name. */
export function scrubCookieRecord(cookies: unknown, engine: ScrubEngine): unknown {
  if (typeof cookies === 'string') return scrubCookieHeader(cookies, engine);
  if (typeof cookies !== 'object' || cookies === null || Array.isArray(cookies)) {
    return engine.scrubDeep(cookies);
  }
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(cookies)) {
    setOwn(result, name, engine.isSensitiveCookie(name) ? engine.mask(value) : engine.scrubDeep(value));
  }
  return result;
}
