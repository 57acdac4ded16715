// SentryTestIngest with the bare SDK, no SentryModule: proves the ./testing export on its own.
// The SDK is the @sentry/nestjs copy that nestjs-sentry-tenant depends on, loaded from the
// package's own folder: npm does not always hoist it (it nests it on a peer conflict).
import { createRequire } from 'node:module';
import { SentryTestIngest } from 'nestjs-sentry-tenant/testing';

type Sdk = {
  init(options: { dsn: string }): unknown;
  captureException(error: unknown): string;
  close(timeoutMs?: number): Promise<boolean>;
};
const packageEntry = createRequire(import.meta.url).resolve('nestjs-sentry-tenant');
const Sentry = createRequire(packageEntry)('@sentry/nestjs') as Sdk;

describe('SentryTestIngest with the bare SDK under vitest', () => {
  it('receives an event captured by Sentry.init pointed at its DSN', async () => {
    const ingest = await SentryTestIngest.start();
    Sentry.init({ dsn: ingest.dsn });
    try {
      Sentry.captureException(new Error('consumer-check sdk capture'));
      const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'consumer-check sdk capture');
      expect(event.exception?.values?.[0]?.type).toBe('Error');
    } finally {
      await Sentry.close(2_000);
      await ingest.close();
    }
  });
});
