import { defineIntegration } from '@sentry/core';
import { modulesIntegration } from '@sentry/node';

/** How often the package list rides along: it only changes with a deploy. */
const MODULES_EVERY_MS = 60 * 60 * 1000;

/**
 * The SDK's `Modules` integration (same name, so a user's own still wins), sent
 * on the first event and then once an hour instead of on every event: the list
 * of several hundred packages is the largest part of a typical event and costs
 * a copy, a scrub and a serialization each time, for a value fixed per release.
 */
export const modulesOnceIntegration = defineIntegration(() => {
  const sdkModules = modulesIntegration();
  let sentAt: number | undefined;
  return {
    name: 'Modules',
    processEvent(event) {
      if (event.type === 'transaction') return event;
      const now = Date.now();
      if (sentAt !== undefined && now - sentAt < MODULES_EVERY_MS) return event;
      sentAt = now;
      return sdkModules.processEvent ? (sdkModules.processEvent as (e: typeof event) => typeof event)(event) : event;
    },
  };
});
