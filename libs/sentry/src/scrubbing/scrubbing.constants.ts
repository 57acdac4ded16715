/**
 * Limits that bound the work done on one value. Internal: not part of the options, because a
 * caller that needs other limits almost certainly needs a different design.
 */

/** Objects nested deeper than this are replaced with the replacement text. */
export const MAX_DEPTH = 32;

/**
 * Items kept per array, object, Map or Set; the rest become one {@link MAX_PROPERTIES_MARK}. The
 * SDK's own `normalizeMaxBreadth` default, so nothing the SDK would send is lost, and a sparse
 * array of length 2**32-1 or a million-key object costs a thousand steps, not the heap.
 */
export const MAX_BREADTH = 1000;

/** Marks where {@link MAX_BREADTH} cut a container, as the SDK's normalize does. */
export const MAX_PROPERTIES_MARK = '[MaxProperties ~]';

/**
 * Values visited by one deep walk; past it, every further value becomes the replacement text
 * (scrubbed, never raw). Bounds the time of a wide *and* deep payload (1000 × 1000 objects) that
 * the depth and breadth limits alone still let through: about 100 ms of work at worst.
 */
export const MAX_WALKED_VALUES = 100_000;

/** Distinct raw keys whose decision is cached; the cache is cleared when full. */
export const KEY_CACHE_LIMIT = 4096;

/** Longer keys are decided every time, not cached, so the cache stays small. */
export const MAX_CACHED_KEY_LENGTH = 256;

/**
 * Strings longer than this are cut to this length before pattern scanning, and marked as
 * truncated: a 50 MB string cannot be scanned within the budget, and Sentry would reject an
 * event that big anyway.
 */
export const MAX_SCANNED_STRING_LENGTH = 100_000;

/** Appended to strings cut at {@link MAX_SCANNED_STRING_LENGTH}. */
export const TRUNCATION_MARK = '...[truncated]';

/** Marks a reference to an object that is being scrubbed (a cycle), as Sentry's normalize does. */
export const CIRCULAR_MARK = '[Circular ~]';

/** Stands in for binary data, which cannot be pattern-scanned. */
export const BINARY_MARK = '[Binary]';
