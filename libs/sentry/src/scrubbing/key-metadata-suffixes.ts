/**
 * A last word that describes the secret (or the personal data) rather than holding it:
 * `session_count`, `password_length`, `pin_required`, `address_type` stay readable. Only
 * applies to built-in rules.
 */
export const METADATA_SUFFIXES: ReadonlySet<string> = new Set([
  'count', 'counts', 'total', 'length', 'size', 'type', 'enabled', 'required', 'limit', 'ttl',
  'timeout', 'method', 'methods', 'algorithm', 'algorithms', 'alg', 'version', 'policy', 'scheme',
  'kind', 'format',
]);
