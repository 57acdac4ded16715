import type { ExceptionFilter, NestInterceptor } from '@nestjs/common';
import type { SentryExceptionFilter } from '../filters/sentry-exception.filter';
import type { SentryScopeInterceptor } from '../scope/sentry-scope.interceptor';
import { isSdkEnabled, type SentrySdkHandle } from './sentry-sdk-handle';

/**
 * Nest skips an APP_* factory that returns nothing ("a static factory that
 * returns nothing on purpose is skipped"), and an app with no global
 * interceptor skips the whole interceptor pipeline. So a disabled module, or
 * one whose filter or interceptor is opted out, costs nothing per request.
 */
const INERT = null as unknown as ExceptionFilter & NestInterceptor;

export function activeExceptionFilter(sdk: SentrySdkHandle, filter: SentryExceptionFilter): ExceptionFilter {
  return isSdkEnabled(sdk) && sdk.options.registerExceptionFilter !== false ? filter : INERT;
}

export function activeScopeInterceptor(sdk: SentrySdkHandle, interceptor: SentryScopeInterceptor): NestInterceptor {
  return isSdkEnabled(sdk) && sdk.options.registerScopeInterceptor !== false ? interceptor : INERT;
}
