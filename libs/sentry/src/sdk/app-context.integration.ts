import { freemem, totalmem } from 'node:os';
import { defineIntegration } from '@sentry/core';
import { nodeContextIntegration } from '@sentry/node';

const START_TIME = new Date(Date.now() - process.uptime() * 1000).toISOString();
const TOTAL_MEMORY = totalmem();
const MEMORY_TTL_MS = 1000;

/**
 * The SDK's node context, but cheap. Per event, the SDK calls the full
 * `process.memoryUsage()` (a heap walk, ~100 µs) for the app context and
 * `os.freemem()` (a read of /proc/meminfo, ~40 µs) for the device context.
 * Here both are read at most once a second, and `rss()` replaces the heap walk.
 */
export function leanContextIntegrations() {
  return [nodeContextIntegration({ app: false, device: { cpu: true, memory: false } }), leanMemoryContextIntegration()];
}

const leanMemoryContextIntegration = defineIntegration(() => {
  let appMemory = 0;
  let freeMemory = 0;
  let readAt = 0;
  return {
    name: 'LeanAppContext',
    processEvent(event) {
      const now = Date.now();
      if (now - readAt > MEMORY_TTL_MS) {
        appMemory = process.memoryUsage.rss();
        freeMemory = freemem();
        readAt = now;
      }
      const { app, device } = event.contexts ?? {};
      event.contexts = {
        ...event.contexts,
        app: { app_start_time: START_TIME, app_memory: appMemory, ...app },
        device: { memory_size: TOTAL_MEMORY, free_memory: freeMemory, ...device },
      };
      return event;
    },
  };
});
