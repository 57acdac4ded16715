/**
 * Fault injection for the profiler dependency, loaded with `-r` before the instrument preload.
 * PROFILER_FAULT=missing: `@sentry/profiling-node` is not installed (Node's own MODULE_NOT_FOUND,
 * multi-line require stack included). PROFILER_FAULT=setup-throws: it loads, but its integration
 * throws while the SDK sets it up (a native call failing at start).
 * (A corrupt native binary needs no hook: SENTRY_PROFILER_BINARY_PATH points at a text file.)
 */
import Module = require('node:module');

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
const internals = Module as unknown as { _load: Load };
const originalLoad = internals._load;
const fault = process.env.PROFILER_FAULT;

internals._load = function load(request, parent, isMain) {
  if (request === '@sentry/profiling-node' && fault === 'missing') {
    const error = new Error(`Cannot find module '${request}'\nRequire stack:\n- ${parent?.filename ?? '<unknown>'}`);
    (error as NodeJS.ErrnoException).code = 'MODULE_NOT_FOUND';
    throw error;
  }
  const loaded = originalLoad.call(this, request, parent, isMain);
  if (request === '@sentry/profiling-node' && fault === 'setup-throws') {
    const real = loaded as { nodeProfilingIntegration: () => Record<string, unknown> };
    return {
      ...real,
      nodeProfilingIntegration: () => ({
        ...real.nodeProfilingIntegration(),
        setup: () => {
          throw new Error('simulated: the profiler failed to start');
        },
      }),
    };
  }
  return loaded;
};
