/**
 * Memoizes a string predicate in a Map that is cleared when it reaches `limit` entries.
 * Clearing (rather than LRU eviction) keeps the hit path to one Map lookup; keys seen in one
 * app are few, so the cache is rarely full. Inputs longer than `maxInputLength` are not cached:
 * keys can come from request bodies, and a few huge ones must not pin megabytes.
 */
export function cachePredicate(
  predicate: (input: string) => boolean,
  limit: number,
  maxInputLength: number,
): (input: string) => boolean {
  const decisions = new Map<string, boolean>();
  return (input: string): boolean => {
    const cached = decisions.get(input);
    if (cached !== undefined) return cached;
    const decision = predicate(input);
    if (input.length > maxInputLength) return decision;
    if (decisions.size >= limit) decisions.clear();
    decisions.set(input, decision);
    return decision;
  };
}
