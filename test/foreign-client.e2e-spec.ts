import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as SentryLight from '@sentry/node';
import { createTestApp, type TestApp } from './support/create-test-app';

describe('a Sentry client the user initialised themselves (official-style instrument.ts)', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    // No hooks of ours: exactly what `Sentry.init({ dsn })` in a user's instrument.ts gives.
    SentryLight.init({ dsn: ingest.dsn, tracesSampleRate: null as unknown as undefined });
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ tracesSampleRate: 0 })] });
  });
  afterAll(async () => {
    await testApp.app.close();
    await SentryLight.close(500);
    await ingest.close();
  });

  it('is reused (no second init) and says that the scrubbing was attached to it', () => {
    const lines = testApp.logger.sentryLines();
    expect(lines).toContain('Reusing the Sentry client initialised by the instrument preload');
    expect(lines.some((line) => line.startsWith('Reusing a Sentry client that this module did not initialise'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Sentry error tracking enabled'))).toBe(false);
  });

  it('still scrubs what leaves through it: messages, exceptions, breadcrumbs', async () => {
    // Built at run time: the stack's source context lines must not carry the literal secrets.
    const secret = (place: string) => ['foreign', place, 'secret'].join('-');
    const sentry = testApp.app.get(SentryService);
    sentry.addBreadcrumb(`calling bank with api_key=${secret('crumb')}`, 'http', 'info', { password: secret('data') });
    sentry.captureException(new Error(`login failed: password=${secret('exception')}`), { token: secret('extra') });
    await ingest.waitForEvent((event) => event.exception?.values?.[0]?.value?.startsWith('login failed') === true);
    const raw = ingest.rawText();
    for (const place of ['crumb', 'data', 'exception', 'extra']) {
      expect(raw).not.toContain(secret(place));
    }
    expect(raw).toContain('[Filtered]');
    expect(raw).toContain('login failed');
  });
});
