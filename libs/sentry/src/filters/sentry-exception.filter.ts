import { Catch, Inject, Logger, Optional, type ArgumentsHost, type HttpServer } from '@nestjs/common';
import { BaseExceptionFilter, ModulesContainer } from '@nestjs/core';
import { getClient } from '@sentry/core';
import { isAlreadyCaptured } from '../sdk-bridge/sentry/sentry-internals';
import { SENTRY_LOGGER_CONTEXT, SENTRY_SDK } from '../sentry.internal-constants';
import { isSdkEnabled, type SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { shouldCaptureException } from './capture-policy';
import { captureFromFilter } from './capture-from-filter';
import { STORM_SUPPRESSED_EXTRA } from '../sdk/error-storm.guard';
import { bindToGateways } from './gateway-binding';
import { replyAsExternal, replyAsRpc, replyAsWs } from './default-replies';
import { FILTER_MESSAGES } from './exception-filter.constants';
import { catchesException, findShadowedFilters } from './shadowed-filters';

/**
 * The global exception filter `SentryModule` registers: captures what the
 * capture policy selects, once, then answers exactly as Nest would without it
 * (HTTP on Express or Fastify, RPC, WebSocket, GraphQL and other external contexts).
 *
 * Nest runs only one filter per exception. Your own APP_FILTERs keep precedence
 * over this one, as if it were registered first. To capture what your filters
 * handle, extend this one and call `super.catch()`, or capture with `SentryService`;
 * see docs/exception-filter.md.
 * @publicApi
 */
@Catch()
export class SentryExceptionFilter extends BaseExceptionFilter {
  private static readonly sentryLogger = new Logger(SENTRY_LOGGER_CONTEXT);

  // Property injection, like BaseExceptionFilter's own httpAdapterHost, so a subclass's
  // constructor need not pass it on. Absent with `new SentryExceptionFilter(httpAdapter)`:
  // that instance uses the global client and the default policy.
  @Optional()
  @Inject(SENTRY_SDK)
  protected readonly sentrySdk?: SentrySdkHandle;

  private shadowed: ReturnType<typeof findShadowedFilters> | undefined;

  /**
   * @param applicationRef as for `BaseExceptionFilter`, when you create it with `new`.
   * @param modulesContainer injected: finds the gateways and the app's other APP_FILTERs.
   */
  constructor(
    @Optional() applicationRef?: HttpServer,
    @Optional() @Inject(ModulesContainer) private readonly modulesContainer?: ModulesContainer,
  ) {
    super(applicationRef);
    // Only the instance SentryModule registers; this runs before app.init() connects gateways.
    if (modulesContainer && new.target === SentryExceptionFilter) bindToGateways(modulesContainer, this);
  }

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // Gateways get no global filters from Nest, so there is nothing to step aside for.
    const owner = host.getType() === 'ws' ? undefined : this.shadowedFilterFor(exception);
    if (owner) return owner.catch(exception, host);
    this.captureIfWanted(exception, host);
    return this.reply(exception, host);
  }

  /**
   * Captures the exception unless the policy skips it or it was captured already.
   * Never throws: the client gets its answer whatever happens here.
   * @returns the event id, or undefined when nothing was sent.
   */
  protected captureIfWanted(exception: unknown, host: ArgumentsHost): string | undefined {
    try {
      if (!this.isCapturing() || isAlreadyCaptured(exception)) return undefined;
      if (!shouldCaptureException(exception, host, this.sentrySdk?.options)) return undefined;
      const storm = this.sentrySdk?.stormGuard?.decide(exception);
      if (storm && !storm.send) return undefined;
      return captureFromFilter(exception, host, storm?.suppressed ? { [STORM_SUPPRESSED_EXTRA]: storm.suppressed } : undefined);
    } catch (error) {
      SentryExceptionFilter.sentryLogger.warn(FILTER_MESSAGES.captureFailed(error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  /** Nest's own answer for the context: what its default handlers would have done. */
  protected reply(exception: unknown, host: ArgumentsHost): unknown {
    switch (host.getType<string>()) {
      case 'http':
        // No HTTP server (e.g. a library's external context left at type 'http' in a microservice app):
        // rethrow, as Nest's external handler would, rather than crash in BaseExceptionFilter.
        return (this.applicationRef ?? this.httpAdapterHost?.httpAdapter) ? super.catch(exception, host) : replyAsExternal(exception, host);
      case 'rpc':
        return replyAsRpc(exception, host);
      case 'ws':
        return replyAsWs(exception, host);
      default:
        return replyAsExternal(exception, host);
    }
  }

  /** Another APP_FILTER that catches this exception and that Nest tried after this one only by registration order. */
  private shadowedFilterFor(exception: unknown): ReturnType<typeof findShadowedFilters>[number] | undefined {
    // Looked up once, on first use: every global filter exists by then.
    this.shadowed ??= this.modulesContainer ? findShadowedFilters(this.modulesContainer, this) : [];
    return this.shadowed.find((filter) => catchesException(filter, exception));
  }

  /**
   * `registerExceptionFilter: false` turns the instance the module registers into
   * Nest's default filter (options arrive asynchronously, so it is always registered).
   * Subclasses are the user's own registration and capture regardless.
   */
  private isCapturing(): boolean {
    const sdk = this.sentrySdk;
    if (!sdk) return getClient() !== undefined;
    if (sdk.options.registerExceptionFilter === false && this.constructor === SentryExceptionFilter) return false;
    return isSdkEnabled(sdk);
  }
}
