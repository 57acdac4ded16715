import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SentryModuleOptions } from './sentry.options';

/** `forRoot` / `forRootAsync` come from Nest's builder; `isGlobal` defaults to true. */
export const {
  ConfigurableModuleClass: SentryConfigurableModule,
  MODULE_OPTIONS_TOKEN: SENTRY_MODULE_OPTIONS,
  OPTIONS_TYPE: SENTRY_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: SENTRY_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<SentryModuleOptions>({ moduleName: 'Sentry' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createSentryOptions')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
