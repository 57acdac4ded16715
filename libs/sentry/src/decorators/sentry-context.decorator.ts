import { SENTRY_CONTEXTS_METADATA } from './sentry-decorators.constants';
import { mergeRecordMetadata, type ClassOrMethodDecorator } from './merge-metadata.util';

/**
 * Adds a named context (structured, not indexed: details rather than filters) to
 * every event of the requests this controller or handler serves. Stacks with other
 * `@SentryContext`s; on the same name the method's replaces the class's.
 * @example `@SentryContext('feature', { owner: 'payments', runbook: 'https://...' })`
 * @publicApi
 */
export function SentryContext(name: string, context: Readonly<Record<string, unknown>>): ClassOrMethodDecorator {
  return mergeRecordMetadata(SENTRY_CONTEXTS_METADATA, { [name]: context });
}
