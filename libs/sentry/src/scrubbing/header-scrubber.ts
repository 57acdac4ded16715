import { scrubCookieHeader, scrubSetCookieHeader } from './cookie-scrubber';
import { ScrubEngine } from './scrub-engine';
import { setOwn } from './scrub-value';

function scrubEachString(value: unknown, scrub: (text: string) => string, engine: ScrubEngine): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubEachString(item, scrub, engine));
  return engine.scrubDeep(value);
}

/**
 * One header by name: `Cookie` and `Set-Cookie` are filtered per cookie; credential and IP
 * headers (and anything the key rules flag) lose their value; other values are
 * pattern-scanned (a `Referer` may carry `?token=`).
 */
export function scrubHeaderValue(name: string, value: unknown, engine: ScrubEngine): unknown {
  const lowerName = name.toLowerCase();
  if (lowerName === 'cookie') {
    return scrubEachString(value, (text) => scrubCookieHeader(text, engine), engine);
  }
  if (lowerName === 'set-cookie') {
    return scrubEachString(value, (text) => scrubSetCookieHeader(text, engine), engine);
  }
  if (engine.isSensitiveHeader(name)) return engine.mask(value);
  return engine.scrubDeep(value);
}

/** `request.headers` (or any header map), as a scrubbed copy. */
export function scrubHeaders(headers: unknown, engine: ScrubEngine): unknown {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    return engine.scrubDeep(headers);
  }
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    setOwn(result, name, scrubHeaderValue(name, value, engine));
  }
  return result;
}
