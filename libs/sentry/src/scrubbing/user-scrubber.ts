import type { User } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';

/**
 * What the app states about its own user on purpose (ADR-024 `set_user_context`): kept through
 * the personal-data rules, though still scanned for secrets and subject to `extraKeys`.
 */
const STATED_USER_FIELDS: readonly string[] = ['email', 'username', 'name'];

/** The SDK copies the scope's user into log and metric attributes under these keys. */
const STATED_USER_ATTRIBUTES: readonly string[] = ['user.email', 'user.name', 'user.username'];

function keepStated(raw: Record<string, unknown>, scrubbed: Record<string, unknown>, keys: readonly string[], engine: ScrubEngine): void {
  for (const key of keys) {
    const value = raw[key];
    if (typeof value === 'string' && !engine.isSensitiveKey(key)) scrubbed[key] = engine.scrubSecrets(value);
  }
}

/**
 * `event.user`: `id` is kept exactly as set (an opaque id must stay joinable, even when it is
 * numeric); `ip_address` is dropped (the SDK is the only one to add it, and it is personal
 * data); `email`, `username` and `name` were set by the app on purpose and are kept (secrets
 * rules only); every other field (`phone`, `segment`...) is app data like any other.
 */
export function scrubUser(user: User, engine: ScrubEngine): User | undefined {
  const { id, ip_address: _dropped, ...rest } = user;
  const scrubbed = engine.scrubDeep(rest) as Record<string, unknown>;
  keepStated(rest, scrubbed, STATED_USER_FIELDS, engine);
  const kept = id === undefined ? scrubbed : { id, ...scrubbed };
  // Nothing left (the SDK had set only the IP): no user at all, rather than an empty one.
  return Object.keys(kept).length > 0 ? (kept as User) : undefined;
}

/**
 * In scrubbed log or metric attributes, the app's own user as the SDK copied it
 * (`user.email`, `user.name`): kept like `event.user`, so that the same user reads the same
 * everywhere. In place, on the scrubbed copy.
 */
export function keepStatedUserAttributes(raw: Record<string, unknown>, scrubbed: Record<string, unknown>, engine: ScrubEngine): void {
  keepStated(raw, scrubbed, STATED_USER_ATTRIBUTES, engine);
}
