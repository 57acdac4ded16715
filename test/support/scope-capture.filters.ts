import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { BaseWsExceptionFilter } from '@nestjs/websockets';
import { getRequestIsolationScope } from '@app/sentry';
import { captureException, withIsolationScope } from '@sentry/core';
import { throwError, type Observable } from 'rxjs';

/**
 * What the global exception filter does with the registry contract, reduced to the
 * capture: inside the isolation scope the interceptor gave the failing request.
 * Applied with @UseFilters, so these tests do not depend on the real filter.
 */
export function captureInRequestScope(exception: unknown, host: ArgumentsHost): void {
  const scope = getRequestIsolationScope(host);
  registryLookups[scope ? 'found' : 'missing'] += 1;
  withIsolationScope(scope, () => captureException(exception));
}

/** How often the filters found the request's scope in the registry. */
export const registryLookups = { found: 0, missing: 0 };

@Catch()
export class HttpCaptureFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    captureInRequestScope(exception, host);
    super.catch(exception, host);
  }
}

@Catch()
export class RpcCaptureFilter implements RpcExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    captureInRequestScope(exception, host);
    return throwError(() => ({ status: 'error', message: exception instanceof Error ? exception.message : 'error' }));
  }
}

@Catch()
export class WsCaptureFilter extends BaseWsExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    captureInRequestScope(exception, host);
    super.catch(exception, host);
  }
}
