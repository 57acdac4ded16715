import type { Breadcrumb } from '@sentry/core';
import { maskConsoleArguments } from './console-arguments';
import { ScrubEngine } from './scrub-engine';
import { scrubText } from './text-scrubber';

/**
 * A scrubbed copy of a breadcrumb: the message by value patterns, `data` by key and value
 * (`url`, `http.query`, `http.fragment`, ...), and console arguments in a secret's place. Copied, because the scope keeps the original and
 * attaches it to later events.
 */
export function scrubBreadcrumbParts(breadcrumb: Breadcrumb, engine: ScrubEngine): Breadcrumb {
  const result: Breadcrumb = { ...breadcrumb };
  if (breadcrumb.message !== undefined) result.message = scrubText(breadcrumb.message, engine);
  if (breadcrumb.data !== undefined) result.data = engine.scrubDeep(breadcrumb.data) as Breadcrumb['data'];
  return maskConsoleArguments(breadcrumb, result, engine);
}

/** The breadcrumb without its risky part, for the fail-safe path. */
export function withoutBreadcrumbData(breadcrumb: Breadcrumb): Breadcrumb {
  const { data: _dropped, ...rest } = breadcrumb;
  return rest;
}
