import { HttpException, type ArgumentsHost } from '@nestjs/common';
import type { SentryModuleOptions } from '../sentry.options';
import { DEFAULT_CAPTURE_STATUS_THRESHOLD } from './exception-filter.constants';

/** The options that decide what the filter captures. @publicApi */
export type SentryCapturePolicy = Pick<SentryModuleOptions, 'captureStatusThreshold' | 'ignoreExceptions' | 'shouldCapture'>;

/**
 * The default policy: every error except `HttpException`s below the threshold
 * (4xx, by default) and the `ignoreExceptions` classes; `shouldCapture` may
 * then veto. `RpcException` and `WsException` count as unexpected errors
 * (the official filter drops them): list them in `ignoreExceptions` to skip them.
 * @publicApi
 */
export function shouldCaptureException(exception: unknown, host: ArgumentsHost, policy: SentryCapturePolicy = {}): boolean {
  if (policy.ignoreExceptions?.some((type) => exception instanceof type)) return false;
  const status = clientErrorStatus(exception, host);
  const threshold = policy.captureStatusThreshold ?? DEFAULT_CAPTURE_STATUS_THRESHOLD;
  if (status !== undefined && status < threshold) return false;
  return policy.shouldCapture ? policy.shouldCapture(exception, host) !== false : true;
}

/**
 * The status Nest answers an HTTP request with: the `HttpException`'s own, or an
 * "http-errors" error's `statusCode` (which `BaseExceptionFilter` honours), else 500.
 */
export function httpStatusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  return isHttpErrorsError(exception) ? exception.statusCode : 500;
}

/** The status the policy compares with the threshold; undefined for errors that carry none. */
function clientErrorStatus(exception: unknown, host: ArgumentsHost): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  // Outside HTTP Nest ignores `statusCode`: the client gets a generic error, so it is unexpected.
  return host.getType() === 'http' && isHttpErrorsError(exception) ? exception.statusCode : undefined;
}

// Same test as BaseExceptionFilter.isHttpError.
function isHttpErrorsError(value: unknown): value is { statusCode: number; message: string } {
  const candidate = value as { statusCode?: unknown; message?: unknown } | null | undefined;
  return typeof candidate?.statusCode === 'number' && Boolean(candidate.message);
}
