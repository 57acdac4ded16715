import { ScrubEngine } from './scrub-engine';

/**
 * `request.query_string` in any of the SDK's three forms: a raw string (`token=x&page=2`,
 * scanned by the key-value pattern), an object, or an array of `[name, value]` pairs.
 */
export function scrubQueryString(query: unknown, engine: ScrubEngine): unknown {
  if (typeof query === 'string') return engine.scrubString(query);
  if (!Array.isArray(query)) return engine.scrubDeep(query);
  return query.map((pair: unknown) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string') return engine.scrubDeep(pair);
    const [name, value] = pair as [string, unknown];
    return [name, engine.isSensitiveKey(name) ? engine.mask(value) : engine.scrubDeep(value)];
  });
}
