/** Where ADR-024 section 4 puts the tenant: a tag (indexed, filterable) and a context. */
export const TENANT_TAG = 'tenant_id';
export const TENANT_CONTEXT = 'tenant';

/** Sentry's limit on a tag value; a longer tenant header value is ignored. */
export const MAX_TAG_VALUE_LENGTH = 200;
