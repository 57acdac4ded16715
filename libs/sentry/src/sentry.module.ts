import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { readSentryEnvironment } from './config/resolve-sentry-config';
import { sentryOptionsProviders } from './config/sentry-options.providers';
import { SENTRY_SDK } from './sentry.internal-constants';
import { SENTRY_ASYNC_OPTIONS_TYPE, SentryConfigurableModule } from './sentry.module-definition';
import { SentryService } from './sentry.service';
import { SentryShutdownHook } from './sdk/sentry-shutdown.hook';
import { SentryExceptionFilter } from './filters/sentry-exception.filter';
import { SentryScopeInterceptor } from './scope/sentry-scope.interceptor';

/**
 * Sentry error tracking for a Nest app, in one import:
 * `SentryModule.forRootAsync()` reads `SENTRY_*` through `ConfigService`;
 * `forRoot(options)` and `forRootAsync({ useFactory | useClass | useExisting })` also work.
 * Global unless `isGlobal: false`.
 * @publicApi
 */
@Module({
  providers: [
    ...sentryOptionsProviders,
    SentryService,
    SentryShutdownHook,
    // Registered always; each checks its opt-out option at run time, since async options are not known here.
    { provide: APP_FILTER, useClass: SentryExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: SentryScopeInterceptor },
  ],
  exports: [SentryService, SENTRY_SDK],
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
