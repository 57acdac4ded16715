import type { CanActivate, ExceptionFilter, NestInterceptor } from '@nestjs/common';
import type { SentryExceptionFilter } from './filters/sentry-exception.filter';
import type { SentryScopeGuard } from './scope/sentry-scope.guard';
import type { SentryScopeInterceptor } from './scope/sentry-scope.interceptor';
import { isSdkEnabled, type SentrySdkHandle } from './sdk/sentry-sdk-handle';

/**
 * Nest skips an APP_* factory that returns nothing ("a static factory that
 * returns nothing on purpose is skipped"), and an app with no global
 * interceptor skips the whole interceptor pipeline. So a disabled module, or
 * one whose filter or interceptor is opted out, costs nothing per request.
 */
const INERT = null as unknown as ExceptionFilter & NestInterceptor & CanActivate;

export function activeExceptionFilter(sdk: SentrySdkHandle, filter: SentryExceptionFilter): ExceptionFilter {
  return isSdkEnabled(sdk) && sdk.options.registerExceptionFilter !== false ? filter : INERT;
}

/** Scope work for HTTP is the guard's when the SDK forks a scope per request itself. */
export function activeScopeGuard(sdk: SentrySdkHandle, guard: SentryScopeGuard): CanActivate {
  return scopeWorkWanted(sdk) && sdkForksHttpRequests(sdk) ? guard : INERT;
}

/**
 * Otherwise the global interceptor forks one. RPC and WebSocket handlers get the
 * interceptor either way: it binds itself to them (Nest's global enhancers miss gateways).
 */
export function activeScopeInterceptor(sdk: SentrySdkHandle, interceptor: SentryScopeInterceptor): NestInterceptor {
  return scopeWorkWanted(sdk) && !sdkForksHttpRequests(sdk) ? interceptor : INERT;
}

function scopeWorkWanted(sdk: SentrySdkHandle): boolean {
  return isSdkEnabled(sdk) && sdk.options.registerScopeInterceptor !== false;
}

function sdkForksHttpRequests(sdk: SentrySdkHandle): boolean {
  return sdk.client?.getIntegrationByName('Http') !== undefined;
}
