import * as diagnosticsChannel from 'node:diagnostics_channel';
import { isProcessWideHook } from '../../libs/sentry/src/sdk/outgoing/process-wide-hook';

/**
 * Channels the SDK subscribes to once per module registry, i.e. once per jest test
 * file, and never unsubscribes. A jest worker runs files one after another in one
 * process, so later files inherit the subscribers of earlier ones:
 * - `http.server.request.start`: two SDK copies re-wrap each other's `server.emit`
 *   on every request; the emit chain grows per request and 600 requests take minutes;
 * - `fastify.initialization` (tracing mode): each copy registers its OpenTelemetry
 *   plugin on every new Fastify app; the second fails the boot ("decorator
 *   'opentelemetry' has already been added").
 * - outgoing requests (`http.client.request.*`, `undici:request:*`) and child processes:
 *   every copy adds its own listeners to each request or child, past Node's
 *   10-listener warning after a dozen files.
 * One SDK per process, as in production, has none of these problems. The module's own
 * outgoing-request hooks are installed once per process (see process-wide-hook.ts) and stay.
 */
const PROCESS_WIDE_CHANNELS = [
  'http.server.request.start',
  'fastify.initialization',
  'http.client.request.start',
  'http.client.request.created',
  'undici:request:create',
  'undici:request:headers',
  'child_process',
  'worker_threads',
];

/**
 * Test-only: unsubscribes everything on those channels but the module's process-wide hooks. Call at the top of a test
 * file, before its SDK starts (what is there belongs to finished files), and in its
 * last afterAll (what is there is this file's). Reads Node's internal subscriber
 * list; where that is gone, it does nothing.
 */
export function dropProcessWideSdkHooks(): void {
  for (const name of PROCESS_WIDE_CHANNELS) {
    const channel = diagnosticsChannel.channel(name) as unknown as { _subscribers?: unknown };
    if (!Array.isArray(channel._subscribers)) continue;
    for (const subscriber of [...(channel._subscribers as Array<(message: unknown, name: string | symbol) => void>)]) {
      if (!isProcessWideHook(subscriber)) diagnosticsChannel.unsubscribe(name, subscriber);
    }
  }
}
