import { withStaticSpan, type Event, type SpanJSON, type StreamedSpanJSON } from '@sentry/core';
import type { NodeOptions } from '@sentry/node';
import type { ResolvedSentryOptions } from '../config/resolve-sentry-config';
import { createScrubber, type Scrubber } from '../scrubbing';
import type { SentryLog } from '../config/sentry-log';
import type { TraceLifecycle } from './trace-lifecycle';
import { isStaticSpanCallback } from '../sdk-bridge/sentry/sentry-internals';
import { SENTRY_MESSAGES } from '../sentry.messages';

type UserHooks = Pick<
  NodeOptions,
  'beforeSend' | 'beforeSendTransaction' | 'beforeBreadcrumb' | 'beforeSendSpan' | 'beforeSendLog' | 'beforeSendMetric'
>;

/**
 * Our scrubber runs first on every exit path; the user's own hooks then see
 * scrubbed data. A scrubber that cannot clean an event drops it (returns null).
 *
 * A user hook that throws is caught here and its item dropped, as the SDK would drop it. Left to
 * the SDK, a throwing `beforeSend*` also makes it capture an internal error event that skips
 * every `beforeSend*` hook: the hook's error message, frames and source lines, and the scope of
 * that moment, would leave unscrubbed. A throwing `beforeBreadcrumb` or `beforeSendLog` would
 * throw into the app's own `addBreadcrumb` or `logger` call.
 */
export function buildPrivacyHooks(options: ResolvedSentryOptions, logger: SentryLog, traceLifecycle: TraceLifecycle = 'static'): Partial<NodeOptions> {
  const scrubber = createNoisyScrubber(createScrubber(options.scrubbing), logger);
  const user: UserHooks = { ...options.sdkOptions, ...pickDefined(options) };
  const guard = createHookGuard(logger);
  return {
    beforeSend: (event, hint) => {
      const clean = scrubber.scrubEvent(user.beforeSend ? event : withoutRawRequest(event));
      return clean && user.beforeSend ? guard('beforeSend', null, () => user.beforeSend!(clean, hint)) : clean;
    },
    // Streaming sends no transactions (and the SDK warns about a hook it ignores): spans go through beforeSendSpan.
    beforeSendTransaction:
      traceLifecycle === 'stream'
        ? undefined
        : (event, hint) => {
            const clean = scrubber.scrubTransaction(user.beforeSendTransaction ? event : withoutRawRequest(event));
            return clean && user.beforeSendTransaction
              ? guard('beforeSendTransaction', null, () => user.beforeSendTransaction!(clean, hint))
              : clean;
          },
    beforeBreadcrumb: (breadcrumb, hint) => {
      const clean = scrubber.scrubBreadcrumb(breadcrumb);
      return clean && user.beforeBreadcrumb ? guard('beforeBreadcrumb', null, () => user.beforeBreadcrumb!(clean, hint)) : clean;
    },
    beforeSendSpan: spanHook(scrubber, user.beforeSendSpan, guard, traceLifecycle),
    beforeSendLog: (log) => {
      const clean = scrubber.scrubLog(log);
      return clean && user.beforeSendLog ? guard('beforeSendLog', null, () => user.beforeSendLog!(clean)) : clean;
    },
    beforeSendMetric: (metric) => {
      const clean = scrubber.scrubMetric(metric);
      return clean && user.beforeSendMetric ? guard('beforeSendMetric', null, () => user.beforeSendMetric!(clean)) : clean;
    },
  };
}

/**
 * Spans reach `beforeSendSpan` as `SpanJSON` inside transactions (`static`, the hook marked with
 * `withStaticSpan`, or the SDK ignores it) and as `StreamedSpanJSON` when streamed. The user's own
 * hook is called only with the shape it was written for, as the SDK would. A span cannot be
 * dropped here (null makes the SDK send it anyway): a failing user hook leaves our clean one.
 */
function spanHook(
  scrubber: Scrubber,
  userHook: UserHooks['beforeSendSpan'],
  guard: ReturnType<typeof createHookGuard>,
  traceLifecycle: TraceLifecycle,
): NodeOptions['beforeSendSpan'] {
  const staticUserHook = isStaticSpanCallback(userHook);
  if (traceLifecycle === 'static') {
    const runUser = staticUserHook ? (userHook as unknown as (span: SpanJSON) => SpanJSON) : undefined;
    return withStaticSpan((span: SpanJSON) => {
      const clean = scrubber.scrubSpan(span);
      return runUser ? guard('beforeSendSpan', clean, () => runUser(clean)) : clean;
    });
  }
  const runUser = userHook && !staticUserHook ? userHook : undefined;
  return (span: StreamedSpanJSON) => {
    const clean = scrubber.scrubSpan(span);
    return runUser ? guard('beforeSendSpan', clean, () => runUser(clean)) : clean;
  };
}

/**
 * The scrubber, saying (once per kind of item) when it had to take its fail-safe path: a payload
 * it could not read (a hostile Proxy, a throwing getter) costs data, and that must not be silent.
 */
function createNoisyScrubber(scrubber: Scrubber, logger: SentryLog): Scrubber {
  const said = new Set<string>();
  const noting =
    <A extends unknown[], R>(item: string, scrub: (...args: A) => R) =>
    (...args: A): R => {
      const before = scrubber.failures;
      const result = scrub(...args);
      if (scrubber.failures !== before && !said.has(item)) {
        said.add(item);
        logger.warn(SENTRY_MESSAGES.scrubberFailed(item, result === null));
      }
      return result;
    };
  return {
    scrubEvent: noting('event', scrubber.scrubEvent),
    scrubTransaction: noting('transaction', scrubber.scrubTransaction),
    scrubBreadcrumb: noting('breadcrumb', scrubber.scrubBreadcrumb),
    scrubSpan: noting('span', scrubber.scrubSpan),
    scrubLog: noting('log', scrubber.scrubLog),
    scrubMetric: noting('metric', scrubber.scrubMetric),
    get failures() {
      return scrubber.failures;
    },
  };
}

/** Runs a user hook; on a throw, warns once per hook (not per item) and returns `fallback`. */
function createHookGuard(logger: SentryLog): <T, F>(hook: keyof UserHooks, fallback: F, run: () => T) => T | F {
  const warned = new Set<string>();
  return (hook, fallback, run) => {
    try {
      return run();
    } catch (error) {
      // Marked before logging: a logger that reports to Sentry may come back through this hook.
      if (!warned.has(hook)) {
        warned.add(hook);
        logger.warn(SENTRY_MESSAGES.userHookFailed(hook, error instanceof Error ? error.message : String(error)));
      }
      return fallback;
    }
  };
}

function pickDefined(options: ResolvedSentryOptions): Partial<NodeOptions> {
  const picked: Partial<NodeOptions> = {};
  if (options.beforeSend) picked.beforeSend = options.beforeSend;
  if (options.beforeSendTransaction) picked.beforeSendTransaction = options.beforeSendTransaction;
  if (options.beforeBreadcrumb) picked.beforeBreadcrumb = options.beforeBreadcrumb;
  return picked;
}

/**
 * The SDK keeps the raw request (and client IP) in `sdkProcessingMetadata` until it builds the
 * envelope; nothing reads it after `beforeSend*` but the app's own hook. Without one, it is
 * dropped rather than scrubbed: less work per event, and nothing left to leak.
 */
function withoutRawRequest<T extends Event>(event: T): T {
  const metadata = event.sdkProcessingMetadata;
  if (metadata === undefined || (metadata.normalizedRequest === undefined && metadata.ipAddress === undefined)) return event;
  const { normalizedRequest: _request, ipAddress: _ip, ...rest } = metadata;
  event.sdkProcessingMetadata = rest; // a copy: the scope shares the original
  return event;
}
