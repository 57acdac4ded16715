import type { User } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';

/**
 * `event.user`: `id` is kept exactly as set (an opaque id must stay joinable, even when it is
 * numeric); `ip_address` is dropped (the SDK is the only one to add it, and it is personal
 * data); every other field was set by the app itself (`username`, `email`, `segment`...) and is
 * kept, subject to the key rules and value patterns like any other app data.
 */
export function scrubUser(user: User, engine: ScrubEngine): User | undefined {
  const { id, ip_address: _dropped, ...rest } = user;
  const scrubbed = engine.scrubDeep(rest) as User;
  const kept = id === undefined ? scrubbed : { id, ...scrubbed };
  // Nothing left (the SDK had set only the IP): no user at all, rather than an empty one.
  return Object.keys(kept).length > 0 ? kept : undefined;
}
