import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { readSentryEnvironment } from './config/resolve-sentry-config';
import { sentryOptionsProviders } from './sentry-options.providers';
import { SENTRY_SDK } from './sentry.internal-constants';
import { SENTRY_ASYNC_OPTIONS_TYPE, SentryConfigurableModule } from './sentry.module-definition';
import { SentryService } from './sentry.service';
import { SentryLogger } from './logging/sentry.logger';
import { SentryShutdownHook } from './sdk/sentry-shutdown.hook';
import { SentryExceptionFilter } from './filters/sentry-exception.filter';
import { SentryScopeInterceptor } from './scope/sentry-scope.interceptor';
import { activeExceptionFilter, activeScopeGuard, activeScopeInterceptor } from './sentry-active-enhancers';
import { SentryScopeGuard } from './scope/sentry-scope.guard';
import { SentryBackgroundUnits } from './background/sentry-background-units';

/**
 * Sentry error tracking for a Nest app, in one import:
 * `SentryModule.forRootAsync()` reads `SENTRY_*` through `ConfigService`;
 * `forRoot(options)` and `forRootAsync({ useFactory | useClass | useExisting })` also work.
 * Global unless `isGlobal: false`.
 * @publicApi
 */
@Module({
  // DiscoveryModule: SentryBackgroundUnits finds the scheduler, emitter and BullMQ handlers.
  imports: [DiscoveryModule],
  providers: [
    ...sentryOptionsProviders,
    SentryService,
    SentryLogger,
    SentryShutdownHook,
    SentryExceptionFilter,
    SentryScopeInterceptor,
    SentryScopeGuard,
    SentryBackgroundUnits,
    // Async options are known only when providers resolve, so these factories decide then:
    // an inert enhancer is dropped by Nest, so a disabled module adds no per-request work at all.
    { provide: APP_FILTER, inject: [SENTRY_SDK, SentryExceptionFilter], useFactory: activeExceptionFilter },
    { provide: APP_INTERCEPTOR, inject: [SENTRY_SDK, SentryScopeInterceptor], useFactory: activeScopeInterceptor },
    { provide: APP_GUARD, inject: [SENTRY_SDK, SentryScopeGuard], useFactory: activeScopeGuard },
  ],
  exports: [SentryService, SentryLogger, SENTRY_SDK],
})
export class SentryModule extends SentryConfigurableModule {
  static forRootAsync(options: typeof SENTRY_ASYNC_OPTIONS_TYPE = {}): DynamicModule {
    if (options.useFactory || options.useClass || options.useExisting) return super.forRootAsync(options);
    return super.forRootAsync({
      ...options,
      imports: [...(options.imports ?? []), ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => readSentryEnvironment((name) => config.get(name)),
    });
  }
}
