import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DEMO_CREDENTIALS } from './demo-credentials';
import type { AuthenticatedRequest } from './demo-user.interface';
import { IS_PUBLIC } from './public.decorator';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Resolves `x-api-key` or `Authorization: Bearer` to a user and tenant and puts
 * it on `request.user`, where Sentry's scope interceptor (which runs after
 * guards) picks it up. A missing or unknown key is a 401: a client error,
 * which the Sentry exception filter does not report.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = this.credentialOf(request);
    const user = key ? DEMO_CREDENTIALS.get(key) : undefined;
    if (!user) throw new UnauthorizedException('Send a demo key as x-api-key or Authorization: Bearer');
    request.user = user;
    return true;
  }

  /** Overridable, e.g. to read a cookie instead. */
  protected credentialOf(request: AuthenticatedRequest): string | undefined {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') return apiKey;
    return BEARER.exec(request.headers.authorization ?? '')?.[1];
  }
}
