import type { Breadcrumb, Event, Log, Metric } from '@sentry/core';
import { scrubBreadcrumbParts, withoutBreadcrumbData } from './breadcrumb-scrubber';
import { dropRiskyEventParts, scrubEventParts } from './event-scrubber';
import { scrubLogParts, withoutLogAttributes } from './log-scrubber';
import { scrubMetricParts, withoutMetricAttributes } from './metric-scrubber';
import { createScrubEngine } from './scrub-engine';
import { ScrubbingOptions } from './scrubbing-options';
import { dropSpanData, ScrubbableSpan, scrubSpanParts } from './span-scrubber';

/**
 * One rule set for every `before*` hook of the SDK. No method ever throws. On an internal
 * failure a method drops the risky parts (request data, headers, cookies, query string, extra,
 * breadcrumb data, frame variables, span data, log and metric attributes), scrubs the rest, counts the
 * failure and returns the item; if even that fails, it returns `null` (the item is dropped),
 * so nothing unscrubbed is ever sent. The methods need no `this`: pass them directly.
 *
 * @publicApi
 */
export interface Scrubber {
  /** For `beforeSend`: scrubs the event in place and returns it, or `null` to drop it. */
  scrubEvent<T extends Event>(event: T): T | null;
  /** For `beforeSendTransaction`: the same rules, including every span. */
  scrubTransaction<T extends Event>(event: T): T | null;
  /** For `beforeBreadcrumb`: returns a scrubbed copy, or `null` to drop the breadcrumb. */
  scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null;
  /**
   * For `beforeSendSpan`: scrubs the span in place. Never `null`: the SDK would then send the
   * original span, so the last resort is a span stripped of description, name and data.
   */
  scrubSpan<T extends ScrubbableSpan>(span: T): T;
  /** For `beforeSendLog`: returns a scrubbed copy, or `null` to drop the log. */
  scrubLog(log: Log): Log | null;
  /** For `beforeSendMetric`: returns a scrubbed copy, or `null` to drop the metric. */
  scrubMetric(metric: Metric): Metric | null;
  /** How many items went through the fail-safe path since creation. */
  readonly failures: number;
}

/**
 * The very last resort for a span: everything that could carry data is stripped, and if even
 * that throws (a hostile Proxy), an empty span takes its place.
 */
function strippedSpan<T extends ScrubbableSpan>(span: T, replacement: string): T {
  try {
    const shape = span as Partial<Record<'description' | 'name', string>>;
    if ('description' in shape) shape.description = replacement;
    if ('name' in shape) shape.name = replacement;
    return dropSpanData(span);
  } catch {
    return { span_id: '', trace_id: '', start_timestamp: 0, data: {} } as unknown as T;
  }
}

/**
 * Creates a scrubber. Options are compiled once (regexes, key rules, caches); create one
 * scrubber per SDK client and reuse it.
 *
 * @publicApi
 */
export function createScrubber(options: ScrubbingOptions = {}): Scrubber {
  const engine = createScrubEngine(options);
  let failures = 0;

  /** Runs `scrub`; on failure counts it and tries `degrade`, then `lastResort`. */
  function guarded<R>(scrub: () => R, degrade: () => R, lastResort: () => R): R {
    try {
      return scrub();
    } catch {
      failures++;
      try {
        return degrade();
      } catch {
        return lastResort();
      }
    }
  }

  function scrubEvent<T extends Event>(event: T): T | null {
    return guarded<T | null>(
      () => (scrubEventParts(event, engine), event),
      () => (dropRiskyEventParts(event), scrubEventParts(event, engine), event),
      () => null,
    );
  }

  return {
    scrubEvent,
    scrubTransaction: scrubEvent,
    scrubBreadcrumb: (breadcrumb) =>
      guarded<Breadcrumb | null>(
        () => scrubBreadcrumbParts(breadcrumb, engine),
        () => scrubBreadcrumbParts(withoutBreadcrumbData(breadcrumb), engine),
        () => null,
      ),
    scrubSpan: (span) =>
      guarded(
        () => scrubSpanParts(span, engine),
        () => scrubSpanParts(dropSpanData(span), engine),
        () => strippedSpan(span, engine.replacement),
      ),
    scrubLog: (log) =>
      guarded<Log | null>(
        () => scrubLogParts(log, engine),
        () => scrubLogParts(withoutLogAttributes(log), engine),
        () => null,
      ),
    scrubMetric: (metric) =>
      guarded<Metric | null>(
        () => scrubMetricParts(metric, engine),
        () => scrubMetricParts(withoutMetricAttributes(metric), engine),
        () => null,
      ),
    get failures() {
      return failures;
    },
  };
}
