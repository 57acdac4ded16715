import { ScrubEngine } from './scrub-engine';

/** `%s` is a parameter, `%%` a literal percent sign (the SDK's `parameterize` escapes `%` so). */
const PLACEHOLDER = /%%|%s/g;

/** Templates with more parameters than this have every parameter filtered (fail closed). */
const MAX_CHECKED_PARAMETERS = 32;

/** Stands for the parameter under test: a bare word that reads as a credential after `Bearer `. */
const marker = (index: number): string => `__sentry_param_${index}__`;

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The parameters of a message template (`Sentry.logger.fmt`, `parameterize`) that sit where a
 * secret goes: `token=%s`, `"password": "%s"`, `Bearer %s`, or `%s=%s` with a sensitive first
 * value. The message itself is scrubbed as a whole, but the SDK also sends each parameter on its
 * own (`sentry.message.parameter.N`, `logentry.params`), where its key is lost. Each parameter is
 * replaced by a marker, the others by their values; the parameter is sensitive when the string
 * scrubber removes its marker.
 */
export function sensitiveParameterIndexes(template: string, values: readonly unknown[], engine: ScrubEngine): number[] {
  const count = template.match(PLACEHOLDER)?.filter((placeholder) => placeholder === '%s').length ?? 0;
  const checked = Math.min(count, values.length);
  if (checked === 0) return [];
  if (checked > MAX_CHECKED_PARAMETERS) return values.map((_value, index) => index);
  const texts = values.map(asText);
  const sensitive: number[] = [];
  for (let index = 0; index < checked; index++) {
    let next = 0;
    const filled = template.replace(PLACEHOLDER, (placeholder) => {
      if (placeholder === '%%') return '%';
      const position = next++;
      return position === index ? marker(index) : texts[position] ?? '';
    });
    if (!engine.scrubString(filled).includes(marker(index))) sensitive.push(index);
  }
  return sensitive;
}
