import type { Client } from '@sentry/core';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import type { ErrorStormGuard } from './error-storm.guard';

/** How the SDK ended up after start-up: what the service, filter and shutdown hook act on. */
export type SentrySdkMode = 'disabled' | 'errors-only' | 'tracing' | 'preloaded';

export interface SentrySdkHandle {
  readonly mode: SentrySdkMode;
  readonly client: Client | undefined;
  /** True when this module created the client, so it also closes it at shutdown. */
  readonly ownsClient: boolean;
  readonly options: ResolvedSentryOptions;
  /** Present unless `errorStorm: false`: limits repeats of one error per window. */
  readonly stormGuard?: ErrorStormGuard;
}

export function isSdkEnabled(handle: SentrySdkHandle): boolean {
  return handle.mode !== 'disabled' && handle.client !== undefined && handle.client.getOptions().enabled !== false;
}
