import type { ModuleMetadata } from '@nestjs/common';
import { SentryLogger, SentryModule, type SentryModuleOptions } from '@app/sentry';
import { createTestApp, type HttpPlatform, type TestApp } from './create-test-app';
import { COLLECT_EVERYTHING } from './scrubbing-data-collection';

/** SentryLogger that sends to Sentry but prints nothing: the corpus would fill the test output. */
class QuietSentryLogger extends SentryLogger {
  protected printMessages(): void {
    // silent
  }
}

/** A real Nest app with SentryModule collecting everything, and SentryLogger as the app logger. */
export async function createScrubbingApp(
  options: SentryModuleOptions,
  metadata: ModuleMetadata,
  platform: HttpPlatform = 'express',
): Promise<TestApp> {
  const { sdkOptions, ...rest } = options;
  const testApp = await createTestApp(
    {
      ...metadata,
      imports: [SentryModule.forRoot({ ...rest, sdkOptions: { dataCollection: COLLECT_EVERYTHING, ...sdkOptions } }), ...(metadata.imports ?? [])],
    },
    platform,
  );
  testApp.app.useLogger(new QuietSentryLogger());
  return testApp;
}
