import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { SENTRY_CONTEXTS_METADATA, SENTRY_TAGS_METADATA } from './sentry-decorators.constants';
import type { SentryTagValue } from './sentry-tag.decorator';

/** What the decorators ask for on one handler, class and method merged. */
export interface SentryHandlerMetadata {
  readonly tags?: Readonly<Record<string, SentryTagValue>>;
  readonly contexts?: ReadonlyArray<readonly [string, Readonly<Record<string, unknown>>]>;
}

const NONE: SentryHandlerMetadata = Object.freeze({});

/**
 * Reads the decorators' metadata through `Reflector`, once per class and handler:
 * metadata is fixed after boot, so requests only pay two WeakMap lookups. Keyed by
 * class too, since an inherited handler is shared by classes with different tags.
 */
export class SentryMetadataAccessor {
  private readonly cache = new WeakMap<Type, WeakMap<object, SentryHandlerMetadata>>();

  constructor(private readonly reflector: Reflector) {}

  forHandler(context: ExecutionContext): SentryHandlerMetadata {
    const type = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.cache.get(type);
    if (!byHandler) this.cache.set(type, (byHandler = new WeakMap()));
    let metadata = byHandler.get(handler);
    if (!metadata) byHandler.set(handler, (metadata = this.read(type, handler)));
    return metadata;
  }

  private read(type: Type, handler: object): SentryHandlerMetadata {
    const targets = [type, handler as Type];
    // getAllAndMerge spreads class then method: the method wins on the same key.
    const tags = recordOrUndefined(this.reflector.getAllAndMerge(SENTRY_TAGS_METADATA, targets));
    const contexts = recordOrUndefined(this.reflector.getAllAndMerge(SENTRY_CONTEXTS_METADATA, targets));
    if (!tags && !contexts) return NONE;
    return {
      tags: tags as Record<string, SentryTagValue> | undefined,
      contexts: contexts && (Object.entries(contexts) as Array<[string, Record<string, unknown>]>),
    };
  }
}

// getAllAndMerge answers [] when nothing is set.
function recordOrUndefined(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) return undefined;
  return value as Record<string, unknown>;
}
