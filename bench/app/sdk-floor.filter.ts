/**
 * The `sdk-floor` mode: the least any Nest module built on Sentry's SDK can do per error.
 * Sentry's own Node client (`@sentry/node`; Sentry 11 folded the old `@sentry/node-core/light`
 * into it) with no integrations at all (no request data, no context lines, no dedupe, no
 * scrubbing, no HTTP isolation), keep-alive transport, and a filter that calls
 * `captureException` before Nest's own reply. Not a setup to run: the bench's measure of
 * what Sentry's event pipeline and transport cost on their own.
 */
import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { captureException, init } from '@sentry/node';

export function initSdkFloor(dsn: string): void {
  init({ dsn, defaultIntegrations: false, integrations: [], transportOptions: { keepAlive: true } });
}

@Catch()
export class SdkFloorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    captureException(exception);
    super.catch(exception, host);
  }
}
