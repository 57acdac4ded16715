import type { Primitive } from '@sentry/core';
import { SENTRY_TAGS_METADATA } from './sentry-decorators.constants';
import { mergeRecordMetadata, type ClassOrMethodDecorator } from './merge-metadata.util';

/** A Sentry tag value; tags are indexed and searchable, so keep them short (at most 200 characters). @publicApi */
export type SentryTagValue = Exclude<Primitive, symbol | bigint | null | undefined>;

/**
 * Sets tags on every event of the requests this controller or handler serves:
 * errors, messages and (with tracing) the transaction. Stacks with `@SentryTag`;
 * class and method tags merge, the method wins on the same key.
 * @example `@SentryTags({ feature: 'billing', team: 'payments' })`
 * @publicApi
 */
export function SentryTags(tags: Readonly<Record<string, SentryTagValue>>): ClassOrMethodDecorator {
  return mergeRecordMetadata(SENTRY_TAGS_METADATA, tags);
}

/**
 * One tag; see `@SentryTags`.
 * @example `@SentryTag('feature', 'checkout')`
 * @publicApi
 */
export function SentryTag(key: string, value: SentryTagValue): ClassOrMethodDecorator {
  return SentryTags({ [key]: value });
}
