import type { Breadcrumb } from '@sentry/core';
import { ScrubEngine } from './scrub-engine';
import { asText, sensitiveParameterIndexes } from './template-parameters';
import { scrubText } from './text-scrubber';

/**
 * A console breadcrumb (`console.log('password %s', pw)`) carries the raw arguments in
 * `data.arguments` and the joined text in `message`, where the argument has lost its key. The
 * first argument is the template: arguments in a secret's place are masked in `data.arguments`,
 * and the message is rebuilt from the masked arguments the way the SDK joins them. Returns the
 * breadcrumb unchanged when nothing is in a secret's place.
 */
export function maskConsoleArguments(raw: Breadcrumb, scrubbed: Breadcrumb, engine: ScrubEngine): Breadcrumb {
  const args: unknown = raw.data?.arguments;
  if (raw.category !== 'console' || !Array.isArray(args) || typeof args[0] !== 'string' || !args[0].includes('%')) return scrubbed;
  const values = args.slice(1);
  const masked = new Set(sensitiveParameterIndexes(args[0], values, engine));
  if (masked.size === 0) return scrubbed;
  const scrubbedArgs = [...(scrubbed.data?.arguments as unknown[])];
  for (const index of masked) scrubbedArgs[index + 1] = engine.mask(scrubbedArgs[index + 1]);
  const joined = [args[0], ...values.map((value, index) => (masked.has(index) ? engine.mask(value) : value))].map(asText).join(' ');
  return { ...scrubbed, message: scrubText(joined, engine), data: { ...scrubbed.data, arguments: scrubbedArgs } };
}
