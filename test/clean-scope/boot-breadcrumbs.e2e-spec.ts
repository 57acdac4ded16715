import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SentryLogger, SentryModule } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import type { Breadcrumb } from '@sentry/core';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';
import { UnitsModule } from './unit-handlers';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

// Nest's start-up lines, as SentryLogger turns them into breadcrumbs.
const isBootLine = (crumb: Breadcrumb) => ['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication'].includes(crumb.category ?? '');

describe('boot logs through SentryLogger (bufferLogs, as apps/demo/src/main.ts)', () => {
  let ingest: SentryTestIngest;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    @Module({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), UnitsModule] })
    class BootAppModule {}
    app = await NestFactory.create(BootAppModule, { bufferLogs: true, abortOnError: false });
    app.useLogger(app.get(SentryLogger));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await ingest.close();
  });

  it("a request's error carries none of the boot lines", async () => {
    await fetch(`${url}/unit/boot-1`, { method: 'POST' });
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'err:boot-1');
    expect((event.breadcrumbs ?? []).filter(isBootLine)).toEqual([]);
    expect((event.breadcrumbs ?? []).map((crumb) => crumb.message)).toEqual(['boot-1:own']);
  });

  it('an error captured at top level after boot still has them', async () => {
    Sentry.captureException(new Error('after-boot'));
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value === 'after-boot');
    const categories = new Set((event.breadcrumbs ?? []).filter(isBootLine).map((crumb) => crumb.category));
    expect([...categories].sort()).toEqual(['InstanceLoader', 'NestApplication', 'RouterExplorer', 'RoutesResolver']);
  });
});
