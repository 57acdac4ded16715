/** Metadata keys of the decorators: internal, read only through `SentryMetadataAccessor`. */
export const SENTRY_TAGS_METADATA = 'sentry:tags';
export const SENTRY_CONTEXTS_METADATA = 'sentry:contexts';
