// SentryTestIngest with the bare SDK, no SentryModule: proves the ./testing export on its
// own. @sentry/nestjs comes in with nestjs-sentry-tenant (hoisted); an app testing this
// way would list it itself.
import * as Sentry from '@sentry/nestjs';
import { SentryTestIngest } from 'nestjs-sentry-tenant/testing';

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
