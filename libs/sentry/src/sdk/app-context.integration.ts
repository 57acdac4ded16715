import { defineIntegration } from '@sentry/core';
import { nodeContextIntegration } from '@sentry/node-core/light';

const START_TIME = new Date(Date.now() - process.uptime() * 1000).toISOString();
const MEMORY_TTL_MS = 1000;

/**
 * The SDK's node context, but cheap: its `app` context calls the full
 * `process.memoryUsage()` (a heap walk, ~100 µs) on every event. Here the app
 * context uses `process.memoryUsage.rss()` and refreshes it at most once a second.
 */
export function leanContextIntegrations() {
  return [nodeContextIntegration({ app: false }), appContextIntegration()];
}

const appContextIntegration = defineIntegration(() => {
  let memory = 0;
  let readAt = 0;
  return {
    name: 'LeanAppContext',
    processEvent(event) {
      const now = Date.now();
      if (now - readAt > MEMORY_TTL_MS) {
        memory = process.memoryUsage.rss();
        readAt = now;
      }
      event.contexts = { ...event.contexts, app: { app_start_time: START_TIME, app_memory: memory, ...event.contexts?.app } };
      return event;
    },
  };
});
