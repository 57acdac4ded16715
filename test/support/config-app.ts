import type { Type } from '@nestjs/common';
import { readSentryEnvironment, resolveSentryConfig, SentryModule } from '@app/sentry';
import { ConfigModule } from '@nestjs/config';
import { createTestApp, type TestApp } from './create-test-app';
import { SentryProbeModule } from './sentry-probe.controller';

const noEnv = () => undefined;

/** Resolves `SENTRY_*` values as `forRootAsync()` would, without an app (and without process.env). */
export const resolveFromEnv = (env: Record<string, string>) =>
  resolveSentryConfig(readSentryEnvironment((name) => env[name]), noEnv);

/**
 * Boots a real app whose `SentryModule.forRootAsync()` (no arguments) reads these values through
 * ConfigService, exactly as a user's app does; `/probe/message` reports through SentryService,
 * beside the test's own `controllers`.
 */
export const bootWithEnv = (env: Record<string, string>, controllers: Type[] = []): Promise<TestApp> =>
  createTestApp({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => env] }),
      SentryModule.forRootAsync(),
      SentryProbeModule,
    ],
    controllers,
  });
