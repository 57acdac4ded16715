import { MAX_TAG_VALUE_LENGTH } from './scope.constants';

/** A usable id: a non-empty string or a finite number (ids of 0 are real ids). */
export function asId(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The first usable id among candidates, in order. */
export function firstId(...candidates: unknown[]): string | number | undefined {
  for (const candidate of candidates) {
    const id = asId(candidate);
    if (id !== undefined) return id;
  }
  return undefined;
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

// Sentry rejects tag values over 200 characters or with line breaks; control characters are never a tenant id.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A value Sentry accepts as a tag, as a string; anything else is undefined. */
export function asTagValue(value: unknown): string | undefined {
  const id = asId(value);
  if (id === undefined) return undefined;
  const text = String(id).trim();
  return text.length <= MAX_TAG_VALUE_LENGTH && !CONTROL_CHARACTERS.test(text) ? text : undefined;
}
