import { makeDsn } from '@sentry/core';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The SDK's own DSN grammar: word-character keys, and a numeric project id ending the path. */
const PUBLIC_KEY = /^\w+$/;
const PROJECT_PATH = /\/\d+$/;

/**
 * Empty means "disabled" and is valid; anything else must be a DSN the SDK accepts *and* can send
 * to. The WHATWG URL parser rejects what the SDK's regex lets through (port 99999, a malformed
 * IPv6 host), and checking the shape first keeps `makeDsn` from printing its own unlabelled
 * "Invalid Sentry Dsn" line next to ours.
 */
export function isSentryDsn(value: unknown): boolean {
  if (value === '') return true;
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  const shapeOk =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    PUBLIC_KEY.test(url.username) &&
    url.hostname !== '' &&
    PROJECT_PATH.test(url.pathname) &&
    url.search === '' &&
    url.hash === '';
  return shapeOk && makeDsn(value.trim()) !== undefined;
}

export function IsSentryDsn(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isSentryDsn', validator: { validate: isSentryDsn } }, options);
}
