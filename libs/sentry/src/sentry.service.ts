import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Sentry from '@sentry/core';
import type { SeverityLevel } from '@sentry/core';
import { SENTRY_LOGGER_CONTEXT, SENTRY_SDK } from './sentry.internal-constants';
import { SENTRY_MESSAGES } from './sentry.messages';
import { isSdkEnabled, type SentrySdkHandle } from './sdk/sentry-sdk-handle';
import { readableExtra } from './scrubbing/readable-extra.util';
import { prepareUnitScope, runInUnitScope, type SentryScopeOptions } from './scope/run-in-scope.util';
import { clearUserContextOn, markUserContextExplicit, setStatedUserContext, userContextScope } from './scope/user-context.util';

/**
 * The helper API of ADR-024, injectable. Every method is a safe no-op when
 * Sentry is disabled and never throws. Scope calls act on the isolation scope:
 * inside a request that scope belongs to the request alone.
 * @publicApi
 */
@Injectable()
export class SentryService {
  private readonly logger = new Logger(SENTRY_LOGGER_CONTEXT);

  constructor(@Inject(SENTRY_SDK) private readonly sdk: SentrySdkHandle) {}

  /** True when events are actually being sent somewhere. */
  isEnabled(): boolean {
    return isSdkEnabled(this.sdk);
  }

  /**
   * Attaches the user and tenant (ADR-024 section 4): user, tag `tenant_id`, context `tenant`.
   * Inside a request (or `runInScope`) it acts on that unit only; outside one, on the current
   * scope (at top level: the process-wide default, which units of work never inherit).
   */
  setUserContext(userId: string | number, tenantId?: string | number, email?: string): void {
    this.safely('setUserContext', () => {
      setStatedUserContext(userContextScope(), { id: userId, email }, tenantId);
    });
  }

  /** Forgets the user and tenant (logout), on the same scope `setUserContext` writes to. */
  clearUserContext(): void {
    this.safely('clearUserContext', () => {
      const scope = userContextScope();
      markUserContextExplicit(scope);
      clearUserContextOn(scope);
    });
  }

  /** @returns the event id, or undefined when disabled. */
  captureMessage(message: string, level: SeverityLevel = 'info', extra?: Record<string, unknown>): string | undefined {
    return this.safely('captureMessage', () => Sentry.captureMessage(message, { level, extra: readableExtra(extra) }));
  }

  /** @returns the event id, or undefined when disabled. The global filter will not send it again. */
  captureException(exception: unknown, extra?: Record<string, unknown>): string | undefined {
    return this.safely('captureException', () => Sentry.captureException(exception, { extra: readableExtra(extra) }));
  }

  addBreadcrumb(message: string, category = 'app', level: SeverityLevel = 'info', data?: Record<string, unknown>): void {
    this.safely('addBreadcrumb', () => Sentry.addBreadcrumb({ message, category, level, data }));
  }

  setTag(key: string, value: string | number | boolean): void {
    this.safely('setTag', () => Sentry.setTag(key, value));
  }

  setContext(name: string, context: Record<string, unknown> | null): void {
    this.safely('setContext', () => Sentry.setContext(name, context));
  }

  /**
   * A tag on every event of the process (Sentry's global scope), inside units of work and
   * outside: the one deliberate way to share a tag across requests, messages and jobs.
   * `setTag` outside a unit of work reaches only events raised outside units.
   */
  setGlobalTag(key: string, value: string | number | boolean): void {
    this.safely('setGlobalTag', () => Sentry.getGlobalScope().setTag(key, value));
  }

  /**
   * Runs `fn` (sync or async) as its own unit of work: a clean isolation scope (only the
   * global tags and the client's release, environment and server name) with `options`'
   * user, tenant and tags. What `fn` records, and what it awaits records, stays in that
   * scope and appears on the events captured there; nothing leaks out. Errors `fn` throws
   * are rethrown, not captured: capture them inside (`captureException`) to keep the scope.
   * @returns what `fn` returns.
   */
  runInScope<T>(fn: () => T, options: SentryScopeOptions = {}): T {
    const scope = this.safely('runInScope', () => prepareUnitScope(options));
    // Disabled, or the scope could not be made: fn runs all the same, and its errors are its own.
    return scope ? runInUnitScope(scope, fn) : fn();
  }

  /** Waits until pending events are sent. @returns false on timeout or when disabled. */
  async flush(timeoutMs = this.sdk.options.shutdownTimeoutMs): Promise<boolean> {
    if (!this.isEnabled()) return false;
    try {
      return await Sentry.flush(timeoutMs);
    } catch (error) {
      this.logger.warn(SENTRY_MESSAGES.serviceFailed('flush', String(error)));
      return false;
    }
  }

  private safely<T>(method: string, call: () => T): T | undefined {
    if (!this.isEnabled()) return undefined;
    try {
      return call();
    } catch (error) {
      this.logger.warn(SENTRY_MESSAGES.serviceFailed(method, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}
