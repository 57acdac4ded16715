/** Where ADR-024 section 4 puts the tenant: a tag (indexed, filterable) and a context. */
export const TENANT_TAG = 'tenant_id';
export const TENANT_CONTEXT = 'tenant';

/** Sentry's limit on a tag value; a longer tenant header value is ignored. */
export const MAX_TAG_VALUE_LENGTH = 200;

/**
 * Set by `@sentry/core` (light and tracing mode alike) on each incoming
 * `IncomingMessage` it forked an isolation scope for.
 */
export const SDK_FORKED_REQUEST_MARK = Symbol.for('sentry_http_server_instrumented');
