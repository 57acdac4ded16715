import type { ArgumentsHost } from '@nestjs/common';
import type { Scope } from '@sentry/core';

/** The isolation scope the scope interceptor gave this request (stub until issue 4 lands). */
export function getRequestIsolationScope(_host: ArgumentsHost): Scope | undefined {
  return undefined;
}
