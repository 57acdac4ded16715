/**
 * Memoizes a function of a string in a Map that is cleared when it reaches `limit` entries.
 * Clearing (rather than LRU eviction) keeps the hit path to one Map lookup; the inputs seen in
 * one app (keys, header values, frame names) are few, so the cache is rarely full. Inputs longer
 * than `maxInputLength` are not cached: they can come from request bodies, and a few huge ones
 * must not pin megabytes.
 */
export function cacheResults<T>(compute: (input: string) => T, limit: number, maxInputLength: number): (input: string) => T {
  const results = new Map<string, T>();
  return (input: string): T => {
    const cached = results.get(input);
    if (cached !== undefined) return cached;
    const result = compute(input);
    if (input.length > maxInputLength) return result;
    if (results.size >= limit) results.clear();
    results.set(input, result);
    return result;
  };
}
