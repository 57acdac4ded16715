import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { isSdkEnabled, type SentrySdkHandle } from '../sdk/sentry-sdk-handle';
import { SENTRY_LOGGER_CONTEXT, SENTRY_SDK } from '../sentry.internal-constants';
import { BACKGROUND_MESSAGES } from './background.constants';
import { backgroundMethodOf } from './background-method';
import { gatewayConnectionPhaseOf } from './gateway-connection-method';
import { BackgroundUnitRunner } from './background-unit.runner';
import { JobPrincipalResolver } from './job-principal.resolver';
import { runnerOf, setFallbackRunner, setRunnerOf } from './runner.registry';
import { unwrapped, wrapPrototypeMethod } from './wrap-prototype-method.util';

/**
 * Makes every `@Cron` / `@Interval` / `@Timeout` run, `@OnEvent` call and BullMQ `process()` /
 * `@OnWorkerEvent` call its own unit of work (background-unit.runner.ts), and so each call of a
 * gateway's `handleConnection` / `handleDisconnect`.
 *
 * It wraps the handler methods on their classes' prototypes while Nest creates instances, so
 * before any `onModuleInit`: the schedule and BullMQ explorers read `instance[key]` in theirs
 * (the emitter in `onApplicationBootstrap`), in an order that depends on the app's imports;
 * Nest's socket module binds `instance.handleConnection` when `app.init()` connects gateways,
 * also before `onModuleInit`.
 * Wrappers keep the decorators' metadata and reach this app's runner through the instance.
 */
@Injectable()
export class SentryBackgroundUnits implements OnModuleInit, OnApplicationShutdown {
  private readonly runner: BackgroundUnitRunner | undefined;
  private readonly wrappedTypes = new Set<Function>();
  private readonly logger = new Logger(SENTRY_LOGGER_CONTEXT);
  private failureLogged = false;

  constructor(
    @Inject(SENTRY_SDK) sdk: SentrySdkHandle,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    if (!isSdkEnabled(sdk)) return; // disabled: nothing is wrapped, handlers run untouched
    const principals = new JobPrincipalResolver(sdk.options.resolveJobPrincipal, this.logger);
    this.runner = new BackgroundUnitRunner(principals);
    setFallbackRunner(this.runner);
    for (const wrapper of this.wrappers()) if (isClassProvider(wrapper)) this.wrapType(wrapper.metatype as Function);
  }

  /** Instances exist now: tie them to this app's runner (and wrap factory / value providers, late but before calls). */
  onModuleInit(): void {
    if (!this.runner) return;
    for (const { instance } of this.wrappers()) {
      const type = instance && typeof instance === 'object' ? (instance as object).constructor : undefined;
      if (!type) continue;
      this.wrapType(type);
      if (this.wrappedTypes.has(type)) setRunnerOf(instance as object, this.runner);
    }
  }

  onApplicationShutdown(): void {
    if (this.runner) setFallbackRunner(undefined, this.runner);
  }

  private wrappers(): InstanceWrapper[] {
    return [...this.discovery.getProviders(), ...this.discovery.getControllers()];
  }

  /** Fail-open: a class the module cannot wrap keeps its handlers as they are; the app boots all the same. */
  private wrapType(type: Function): void {
    try {
      this.wrapMethodsOf(type);
    } catch (error) {
      if (this.failureLogged) return;
      this.failureLogged = true;
      this.logger.warn(BACKGROUND_MESSAGES.wrapFailed(type.name, error instanceof Error ? error.message : String(error)));
    }
  }

  private wrapMethodsOf(type: Function): void {
    const prototype = type.prototype as object | undefined;
    if (!prototype || this.wrappedTypes.has(type)) return;
    for (const key of this.scanner.getAllMethodNames(prototype)) {
      const current = (prototype as Record<string, unknown>)[key];
      const method = unwrapped(current) ?? current;
      if (typeof method !== 'function') continue;
      const unit = backgroundMethodOf(this.reflector, type, key, method);
      const phase = unit ? undefined : gatewayConnectionPhaseOf(type, key);
      if (!unit && !phase) continue;
      this.wrappedTypes.add(type);
      wrapPrototypeMethod(prototype, key, method, (original) =>
        function (this: object, ...args: unknown[]): unknown {
          const runner = typeof this === 'object' && this !== null ? runnerOf(this) : undefined;
          if (!runner) return original.apply(this, args);
          return unit ? runner.run(unit, key, original, this, args) : runner.runConnection(phase!, original, this, args);
        },
      );
    }
  }
}

type InstanceWrapper = ReturnType<DiscoveryService['getProviders']>[number];

function isClassProvider(wrapper: InstanceWrapper): boolean {
  return typeof wrapper.metatype === 'function' && !wrapper.inject && !wrapper.isAlias;
}
