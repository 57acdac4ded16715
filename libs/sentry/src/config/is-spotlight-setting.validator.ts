import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Spotlight takes a boolean or the URL of a sidecar. */
export function isSpotlightSetting(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function IsSpotlightSetting(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isSpotlightSetting', validator: { validate: isSpotlightSetting } }, options);
}
