import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, DemoUser } from './demo-user.interface';

/** The authenticated user, as the guard resolved it. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DemoUser => context.switchToHttp().getRequest<AuthenticatedRequest>().user!,
);
