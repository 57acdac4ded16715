import type { Log } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';
import { fillTemplate, sensitiveParameterIndexes } from './template-parameters';
import { scrubText } from './text-scrubber';
import { keepStatedUserAttributes } from './user-scrubber';

const TEMPLATE_ATTRIBUTE = 'sentry.message.template';
const PARAMETER_ATTRIBUTE = 'sentry.message.parameter.';

/**
 * Masks, in `scrubbed`, the `sentry.message.parameter.N` attributes whose placeholder sits where
 * a secret goes (`token=%s`): the message hides them, but each is also sent on its own, under a
 * harmless key. Read from the raw attributes: once scrubbed, `token=%s` no longer shows a
 * placeholder.
 */
function maskTemplateParameters(raw: Record<string, unknown>, scrubbed: Record<string, unknown>, engine: ScrubEngine): string | undefined {
  const template = raw[TEMPLATE_ATTRIBUTE];
  if (typeof template !== 'string') return undefined;
  const values: unknown[] = [];
  while (`${PARAMETER_ATTRIBUTE}${values.length}` in raw) values.push(raw[`${PARAMETER_ATTRIBUTE}${values.length}`]);
  const masked = new Set(sensitiveParameterIndexes(template, values, engine));
  for (const index of masked) {
    const key = `${PARAMETER_ATTRIBUTE}${index}`;
    scrubbed[key] = engine.mask(scrubbed[key]);
  }
  // The message holds the filled-in parameters too (`pin 4412`), where no key rule sees them.
  return masked.size === 0 ? undefined : engine.scrubString(fillTemplate(template, values, masked, engine.replacement));
}

/**
 * A scrubbed copy of what `beforeSendLog` receives: the message by value patterns, attributes
 * by key and value. The SDK has already moved template parameters into
 * `sentry.message.parameter.N` attributes (masked too when their place in the template is a
 * secret's), and user fields into `user.*`; all are scanned.
 */
export function scrubLogParts(log: Log, engine: ScrubEngine): Log {
  const result: Log = { ...log, message: scrubText(log.message, engine) };
  if (log.attributes !== undefined) {
    const attributes = engine.scrubDeep(log.attributes) as Record<string, unknown>;
    keepStatedUserAttributes(log.attributes, attributes, engine);
    const message = maskTemplateParameters(log.attributes, attributes, engine);
    if (message !== undefined) result.message = message;
    result.attributes = attributes as Log['attributes'];
  }
  return result;
}

/** The log without its risky part (attributes), for the fail-safe path. */
export function withoutLogAttributes(log: Log): Log {
  const { attributes: _dropped, ...rest } = log;
  return rest;
}
