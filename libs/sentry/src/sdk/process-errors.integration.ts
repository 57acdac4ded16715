import { onUnhandledRejectionIntegration } from '@sentry/node';
import type { Integration } from '@sentry/core';

/** The SDK's modes for unhandled rejections. */
export type UnhandledRejectionMode = 'strict' | 'warn' | 'none';

/**
 * Keeps Node's own `--unhandled-rejections` behaviour once the SDK listens for
 * rejections. Any listener stops Node from crashing, and the SDK's default
 * ('warn') would keep the process alive where plain Node 20 exits with code 1;
 * 'strict' captures, flushes and then exits with code 1, as Node would.
 * Uncaught exceptions need nothing: the SDK already exits with code 1 when no
 * other handler is registered, exactly like Node.
 * An `onUnhandledRejectionIntegration` in `sdkOptions.integrations` replaces this one.
 */
export function unhandledRejectionIntegration(mode: UnhandledRejectionMode = nodeUnhandledRejectionsMode()): Integration {
  return onUnhandledRejectionIntegration({ mode });
}

/** Reads `--unhandled-rejections` from NODE_OPTIONS and the command line (the last one wins, as in Node). */
export function nodeUnhandledRejectionsMode(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): UnhandledRejectionMode {
  const flags = [...nodeOptions.split(/\s+/), ...execArgv];
  let value: string | undefined;
  flags.forEach((flag, index) => {
    if (flag.startsWith('--unhandled-rejections=')) value = flag.slice('--unhandled-rejections='.length);
    else if (flag === '--unhandled-rejections') value = flags[index + 1];
  });
  if (value === 'warn' || value === 'warn-with-error-code') return 'warn';
  if (value === 'none') return 'none';
  return 'strict'; // 'throw' (Node's default) and 'strict' both end the process
}
