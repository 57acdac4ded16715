import type { Metric } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';
import { keepStatedUserAttributes } from './user-scrubber';

/**
 * A scrubbed copy of what `beforeSendMetric` receives: attributes by key and value (the SDK has
 * added `user.*` and server fields to them; the app's user stays), the name by value patterns. Metrics are on by default
 * in SDK v10, and their attributes are app data like any other.
 */
export function scrubMetricParts(metric: Metric, engine: ScrubEngine): Metric {
  const result: Metric = { ...metric, name: engine.scrubString(metric.name) };
  if (metric.attributes !== undefined) {
    const attributes = engine.scrubDeep(metric.attributes) as Record<string, unknown>;
    keepStatedUserAttributes(metric.attributes, attributes, engine);
    result.attributes = attributes as Metric['attributes'];
  }
  return result;
}

/** The metric without its risky part (attributes), for the fail-safe path. */
export function withoutMetricAttributes(metric: Metric): Metric {
  const { attributes: _dropped, ...rest } = metric;
  return rest;
}
