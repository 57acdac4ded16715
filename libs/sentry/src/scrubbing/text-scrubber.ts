import { ScrubEngine } from './scrub-engine';

/**
 * A message that is usually a string, but may be a `String` object: `Sentry.logger.fmt` and
 * `parameterize` return one carrying the template. It is kept as is when nothing changed (the
 * template survives), and becomes a plain string when something was filtered.
 */
export function scrubText<T>(value: T, engine: ScrubEngine): T {
  if (typeof value === 'string') return engine.scrubString(value) as T;
  if (value instanceof String) {
    const text = value.valueOf();
    const scrubbed = engine.scrubString(text);
    return (scrubbed === text ? value : scrubbed) as T;
  }
  return engine.scrubDeep(value) as T;
}
