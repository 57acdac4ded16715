import type { ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { asTagValue } from './principal-shape.util';

/**
 * The tenant id from an HTTP request header (`header` in lower case), when it is a
 * valid tag value. Only read when the app opts in: the client chooses this value.
 */
export function readTenantHeader(context: ExecutionContext, header: string): string | undefined {
  if (context.getType() !== 'http') return undefined;
  const raw = context.switchToHttp().getRequest<{ headers?: IncomingHttpHeaders } | undefined>()?.headers?.[header];
  return asTagValue(Array.isArray(raw) ? raw[0] : raw);
}
