import { Catch, Controller, Get, Injectable, Module, UseFilters, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { SentryCron, SentryExceptionCaptured, SentryLogger, SentryModule, SentryTraced } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import * as Sentry from '@sentry/core';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { eventsWith, newMarker, waitForLaterMarker } from '../support/filter-markers';
import { dropProcessWideSdkHooks } from '../support/scope-stale-hooks';

jest.setTimeout(60_000);
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

/** The app's own filter, reporting through Sentry's decorator, then replying (and logging) as Nest does. */
@Catch()
class OwnReportingFilter extends BaseExceptionFilter {
  @SentryExceptionCaptured()
  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(exception, host);
  }
}

@Controller('decorated')
@UseFilters(OwnReportingFilter)
class DecoratedController {
  @Get('fail/:marker')
  fail(): never {
    throw new Error(`decorated failure ${new Date().toISOString()}`);
  }
}

@Injectable()
class Jobs {
  @SentryTraced('report.build')
  buildReport(): string {
    return 'built';
  }

  @SentryCron('nightly-report', { schedule: { type: 'crontab', value: '0 3 * * *' } })
  async nightly(): Promise<string> {
    return 'done';
  }
}

@Module({ controllers: [DecoratedController], providers: [Jobs] })
class DecoratedModule {}

describe("Sentry's decorators through this package", () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 1 }), DecoratedModule] });
    // SentryLogger would capture the error BaseExceptionFilter logs, were it not already captured.
    testApp.app.useLogger(testApp.app.get(SentryLogger));
  });

  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  it('SentryExceptionCaptured on a filter captures once; neither the module nor SentryLogger sends it again', async () => {
    const marker = newMarker('decorated');
    const response = await fetch(`${testApp.url}/decorated/fail/${marker}`);
    expect(response.status).toBe(500);
    const event = await ingest.waitForEvent((e) => e.exception?.values?.[0]?.value?.startsWith('decorated failure') === true);
    expect(event.exception?.values?.[0]?.mechanism).toMatchObject({ type: 'auto.function.nestjs.exception_captured', handled: false });
    await waitForLaterMarker(ingest, async (later) => Sentry.captureMessage(later));
    expect(ingest.events.filter((e) => e.exception?.values?.[0]?.value?.startsWith('decorated failure'))).toHaveLength(1);
    expect(eventsWith(ingest, marker).filter((e) => e.exception)).toHaveLength(1);
  });

  it('SentryTraced runs the method in a span of that op', async () => {
    expect(testApp.app.get(Jobs).buildReport()).toBe('built');
    const transaction = await ingest.waitForTransaction((t) => t.transaction === 'buildReport');
    expect(transaction.contexts?.trace?.op).toBe('report.build');
  });

  it('SentryCron sends an in-progress and an ok check-in for the monitor', async () => {
    await expect(testApp.app.get(Jobs).nightly()).resolves.toBe('done');
    await Sentry.flush(5000);
    const checkIns = ingest.items<{ monitor_slug: string; status: string }>('check_in').map((item) => item.payload);
    expect(checkIns.filter((c) => c.monitor_slug === 'nightly-report').map((c) => c.status)).toEqual(['in_progress', 'ok']);
  });
});
