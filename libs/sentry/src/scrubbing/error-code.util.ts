/**
 * A key named exactly `code` is sensitive (the OAuth authorization code in `?code=…&state=…`),
 * but the same key carries error codes everywhere (`ECONNRESET`, `P2002`, `23505`, `404`).
 * Those are constants, not secrets, and losing them would hurt debugging more than anything
 * else, so they stay: an upper-case identifier, or a number of at most five digits.
 */
const ERROR_CODE = /^(?:[A-Z][A-Z0-9_.-]{0,63}|-?\d{1,5})$/;

/** True when `key` is `code` and `value` reads as an error code rather than a secret. */
export function isErrorCodePair(key: string, value: unknown): boolean {
  if (key.length !== 4 || key.toLowerCase() !== 'code') return false;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 100_000;
  return typeof value === 'string' && ERROR_CODE.test(value);
}
