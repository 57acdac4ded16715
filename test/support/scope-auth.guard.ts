import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { getDefaultIsolationScope, getIsolationScope } from '@sentry/core';

export const TEST_USER_HEADER = 'x-test-user';

/** Whether the SDK had forked a scope for the request by the time guards ran (before our interceptor). */
export const sdkForks = { forked: 0, notForked: 0 };

/**
 * Stands in for Passport: puts the JSON of the `x-test-user` header on `request.user`,
 * as an auth guard would after checking a token. Works on Express and Fastify.
 */
@Injectable()
export class ScopeTestAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    sdkForks[getIsolationScope() === getDefaultIsolationScope() ? 'notForked' : 'forked'] += 1;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: unknown }>();
    const raw = request.headers[TEST_USER_HEADER];
    if (raw) request.user = JSON.parse(raw) as unknown;
    return true;
  }
}
