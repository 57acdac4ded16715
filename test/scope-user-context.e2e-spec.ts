import { Body, Controller, Module, Post, UseGuards } from '@nestjs/common';
import { SentryModule, SentryService } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import { withScope, type Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type TestApp } from './support/create-test-app';
import { ScopeTestAuthGuard, TEST_USER_HEADER } from './support/scope-auth.guard';
import { jitter } from './support/scope-load';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

@Controller('account')
@UseGuards(ScopeTestAuthGuard)
class AccountController {
  constructor(private readonly sentry: SentryService) {}

  /** Switches the user mid-request (e.g. impersonation), then reports. */
  @Post('switch')
  async switch(@Body() body: { marker: string; userId: string; tenantId: string }): Promise<void> {
    await jitter();
    this.sentry.setUserContext(body.userId, body.tenantId, `${body.userId}@switched.example`);
    await jitter();
    this.sentry.captureMessage(body.marker);
  }

  @Post('logout')
  async logout(@Body() body: { marker: string }): Promise<void> {
    await jitter();
    this.sentry.clearUserContext();
    await jitter();
    this.sentry.captureMessage(body.marker);
  }

  @Post('plain')
  async plain(@Body() body: { marker: string }): Promise<void> {
    await jitter();
    this.sentry.captureMessage(body.marker);
  }
}

@Module({ controllers: [AccountController] })
class AccountModule {}

function identity(event: Event): unknown {
  return { user: event.user?.id, email: event.user?.email, tenant: event.tags?.tenant_id, context: event.contexts?.tenant };
}

describe('SentryService.setUserContext / clearUserContext: which scope they act on', () => {
  let ingest: SentryTestIngest;
  let testApp: TestApp;
  let sentry: SentryService;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0 }), AccountModule] });
    sentry = testApp.app.get(SentryService);
  });
  afterEach(() => ingest.clear());
  afterAll(async () => {
    await testApp.app.close();
    await ingest.close();
  });

  const post = (path: string, body: object, user?: object) => {
    const call = request(testApp.url).post(`/account/${path}`).send(body);
    return (user ? call.set(TEST_USER_HEADER, JSON.stringify(user)) : call).expect(201);
  };

  it('inside a request they act on that request only, however many run at once', async () => {
    const calls = Array.from({ length: 45 }, (_, i) => {
      const guardUser = { id: `g${i}`, tenantId: `gt${i % 20}` };
      const marker = `uc-${i}`;
      if (i % 3 === 0) return post('switch', { marker, userId: `s${i}`, tenantId: `st${i}` }, guardUser);
      if (i % 3 === 1) return post('logout', { marker }, guardUser);
      return post('plain', { marker }, guardUser);
    });
    await Promise.all(calls);
    const events = await ingest.waitForEvents(45, (e) => String(e.message).startsWith('uc-'));
    for (const event of events) {
      const i = Number(String(event.message).slice(3));
      const expected =
        i % 3 === 0
          ? { user: `s${i}`, email: `s${i}@switched.example`, tenant: `st${i}`, context: { tenant_id: `st${i}` } }
          : i % 3 === 1
            ? { user: undefined, email: undefined, tenant: undefined, context: undefined }
            : { user: `g${i}`, email: undefined, tenant: `gt${i % 20}`, context: { tenant_id: `gt${i % 20}` } };
      expect({ i, ...(identity(event) as object) }).toEqual({ i, ...expected });
    }
  });

  it("outside a request, in a job's withScope block: that block only, never a request", async () => {
    withScope(() => {
      sentry.setUserContext('job-user', 'job-tenant');
      sentry.captureMessage('job-event');
    });
    sentry.captureMessage('after-job');
    await post('plain', { marker: 'request-after-job' });

    const job = await ingest.waitForEvent((e) => e.message === 'job-event');
    expect(identity(job)).toEqual({ user: 'job-user', email: undefined, tenant: 'job-tenant', context: { tenant_id: 'job-tenant' } });
    for (const marker of ['after-job', 'request-after-job']) {
      const event = await ingest.waitForEvent((e) => e.message === marker);
      expect(identity(event)).toEqual({ user: undefined, email: undefined, tenant: undefined, context: undefined });
    }
  });

  it('at top level: events raised outside units of work only; no request inherits it (issue 16)', async () => {
    sentry.setUserContext('boot-user', 'boot-tenant', 'boot@example.com');
    try {
      sentry.captureMessage('top-level');
      await post('plain', { marker: 'with-principal' }, { sub: 'req-user', tenant_id: 'req-tenant' });
      await post('plain', { marker: 'anonymous' });
      const top = await ingest.waitForEvent((e) => e.message === 'top-level');
      expect(identity(top)).toEqual({ user: 'boot-user', email: 'boot@example.com', tenant: 'boot-tenant', context: { tenant_id: 'boot-tenant' } });
      const own = await ingest.waitForEvent((e) => e.message === 'with-principal');
      expect(identity(own)).toEqual({ user: 'req-user', email: undefined, tenant: 'req-tenant', context: { tenant_id: 'req-tenant' } });
      // Requests start from a clean scope: an anonymous one stays anonymous.
      const anonymous = await ingest.waitForEvent((e) => e.message === 'anonymous');
      expect(identity(anonymous)).toEqual({ user: undefined, email: undefined, tenant: undefined, context: undefined });
    } finally {
      sentry.clearUserContext();
    }
    sentry.captureMessage('after-clear');
    const cleared = await ingest.waitForEvent((e) => e.message === 'after-clear');
    expect(identity(cleared)).toEqual({ user: undefined, email: undefined, tenant: undefined, context: undefined });
  });
});
