import { makeDsn } from '@sentry/core';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Empty means "disabled" and is valid; anything else must parse as a DSN the SDK accepts. */
export function isSentryDsn(value: unknown): boolean {
  if (value === '') return true;
  if (typeof value !== 'string') return false;
  return makeDsn(value.trim()) !== undefined && /^https?:\/\/[^@\s]+@[^/\s]+\/.*\d+$/.test(value.trim());
}

export function IsSentryDsn(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isSentryDsn', validator: { validate: isSentryDsn } }, options);
}
