// SentryTestIngest from the installed package, used the way an app's own test would:
// a Nest app with SentryModule pointed at the ingest, a failing request, the event awaited.
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { SentryModule } from 'nestjs-sentry-tenant';
import { SentryTestIngest } from 'nestjs-sentry-tenant/testing';
import { ConsumerCheckModule } from './consumer-check.module.js';

describe('SentryTestIngest under vitest', () => {
  it('receives the error that SentryModule captures, with user and tenant', async () => {
    const ingest = await SentryTestIngest.start();
    const moduleRef = await Test.createTestingModule({
      imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), ConsumerCheckModule],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      await request(app.getHttpServer()).get('/consumer-check/boom').set('x-user-id', 'u-vitest').set('x-tenant-id', 't-vitest').expect(500);
      const event = await ingest.waitForEvent((e) => e.user?.id === 'u-vitest');
      expect(event.tags?.tenant_id).toBe('t-vitest');
      expect(event.exception?.values?.[0]?.value).toBe('consumer-check boom');
    } finally {
      await app.close();
      await ingest.close();
    }
  });
});
