// The default import is Node's module object itself (a namespace import would be a per-copy wrapper).
import diagnosticsChannel from 'node:diagnostics_channel';

/** Marks the function a process-wide hook installed, so test clean-up can tell it from stale subscribers. */
const PROCESS_WIDE_HOOK = Symbol.for('nestjs-sentry-tenant:process-wide-hook');

/**
 * Where the installed hooks' handlers are kept: an object Node creates once per process.
 * Not `globalThis`: jest gives each test file its own global object, but all of them share
 * Node's built-in modules, and so the channels and prototypes the hooks are installed on.
 */
const PROCESS_HOME = diagnosticsChannel as unknown as Record<symbol, unknown>;

/**
 * Installs a process-wide hook (a diagnostics-channel subscriber, a patched prototype)
 * once per process, and makes it call the handler of the copy of this module that
 * installed last. Node keeps such hooks per process, but a module can be loaded more
 * than once in one (jest loads it once per test file): without this, every copy would
 * add its own hook, and an outgoing request would get one breadcrumb and one set of
 * listeners per copy.
 */
export function processWideHook<A extends unknown[], R>(key: string, handler: (...args: A) => R, install: (call: (...args: A) => R) => void): void {
  const slot = Symbol.for(`nestjs-sentry-tenant:${key}`);
  const installed = PROCESS_HOME[slot] !== undefined;
  Object.defineProperty(PROCESS_HOME, slot, { value: handler, configurable: true, writable: true, enumerable: false });
  if (installed) return;
  const call = (...args: A): R => (PROCESS_HOME[slot] as (...args: A) => R)(...args);
  Object.defineProperty(call, PROCESS_WIDE_HOOK, { value: key });
  install(call);
}

/** True for a function `processWideHook` installed (from any copy of this module). */
export function isProcessWideHook(fn: unknown): boolean {
  return typeof fn === 'function' && PROCESS_WIDE_HOOK in fn;
}
