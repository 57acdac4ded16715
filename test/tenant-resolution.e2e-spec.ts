import { Body, Controller, Module, Post, UseGuards, type ExecutionContext } from '@nestjs/common';
import { defaultResolveUser, SentryModule, SentryService, type SentryModuleOptions } from '@app/sentry';
import { SentryTestIngest } from '@app/sentry/testing';
import type { Event } from '@sentry/core';
import request from 'supertest';
import { createTestApp, type HttpPlatform, type TestApp } from './support/create-test-app';
import { ScopeTestAuthGuard, TEST_USER_HEADER } from './support/scope-auth.guard';
import { dropProcessWideSdkHooks } from './support/scope-stale-hooks';

// SDK hooks left in this jest worker by other test files: see scope-stale-hooks.ts.
dropProcessWideSdkHooks();
afterAll(dropProcessWideSdkHooks);

@Controller('who')
@UseGuards(ScopeTestAuthGuard)
class WhoController {
  constructor(private readonly sentry: SentryService) {}

  @Post()
  report(@Body() body: { marker: string }): void {
    this.sentry.captureMessage(body.marker);
  }
}

@Module({ controllers: [WhoController] })
class WhoModule {}

interface Identity {
  user?: Record<string, unknown>;
  tenant?: string;
  context?: unknown;
}

function identityOf(event: Event): Identity {
  const { id, email, username } = event.user ?? {};
  const user = event.user ? Object.fromEntries(Object.entries({ id, email, username }).filter(([, v]) => v !== undefined)) : undefined;
  return { user, tenant: event.tags?.tenant_id as string | undefined, context: event.contexts?.tenant };
}

const noOne: Identity = { user: undefined, tenant: undefined, context: undefined };
const tenant = (id: string): Pick<Identity, 'tenant' | 'context'> => ({ tenant: id, context: { tenant_id: id } });

describe.each<HttpPlatform>(['express', 'fastify'])('user and tenant resolution (%s)', (platform) => {
  let ingest: SentryTestIngest;
  let testApp: TestApp | undefined;
  let counter = 0;

  beforeAll(async () => {
    ingest = await SentryTestIngest.start();
  });
  afterEach(async () => {
    await testApp?.app.close();
    testApp = undefined;
    ingest.clear();
  });
  afterAll(() => ingest.close());

  async function start(options: SentryModuleOptions = {}): Promise<void> {
    testApp = await createTestApp(
      { imports: [SentryModule.forRoot({ dsn: ingest.dsn, tracesSampleRate: 0, ...options }), WhoModule] },
      platform,
    );
  }

  /** Sends one request with the given `request.user` and headers; returns what its event says. */
  async function identityFor(user: unknown, headers: Record<string, string> = {}): Promise<Identity> {
    const marker = `who-${platform}-${counter++}`;
    const call = request(testApp!.url).post('/who').set(headers).send({ marker });
    await (user === undefined ? call : call.set(TEST_USER_HEADER, JSON.stringify(user))).expect(201);
    return identityOf(await ingest.waitForEvent((e) => e.message === marker));
  }

  describe('the default resolver reads request.user as an auth guard left it', () => {
    it.each<[string, unknown, Identity]>([
      [
        'id, tenantId, email, username',
        { id: 'u1', tenantId: 't1', email: 'a@t1.example', username: 'ann' },
        { user: { id: 'u1', email: 'a@t1.example', username: 'ann' }, ...tenant('t1') },
      ],
      ['sub and tenant_id (a JWT payload)', { sub: 'auth0|42', tenant_id: 't2' }, { user: { id: 'auth0|42' }, ...tenant('t2') }],
      ['userId and tenant.id, numbers', { userId: 7, tenant: { id: 9, name: 'Nine' } }, { user: { id: '7' }, ...tenant('9') }],
      ['OIDC preferred_username', { sub: 's4', preferred_username: 'sam' }, { user: { id: 's4', username: 'sam' } }],
      ['id 0 is an id', { id: 0, tenantId: 0 }, { user: { id: '0' }, ...tenant('0') }],
      ['id wins over sub and userId', { id: 'first', sub: 'second', userId: 'third' }, { user: { id: 'first' } }],
      ['no tenant', { id: 'u5' }, { user: { id: 'u5' }, tenant: undefined, context: undefined }],
      ['no id: no principal at all', { tenantId: 't6', email: 'x@y.example' }, noOne],
      ['empty id', { id: '  ', tenantId: 't7' }, noOne],
      ['no request.user', undefined, noOne],
    ])('%s', async (_shape, user, expected) => {
      await start();
      expect(await identityFor(user)).toEqual(expected);
    });
  });

  describe('a custom resolveUser', () => {
    it('wins over request.user, receives the ExecutionContext, and may fall back to the default', async () => {
      const seen: string[] = [];
      await start({
        resolveUser: (context: ExecutionContext) => {
          seen.push(`${context.getType()}:${context.getClass().name}.${context.getHandler().name}`);
          const apiKey = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-api-key'];
          return apiKey ? { id: `key:${apiKey}`, tenantId: 'from-key', username: 'service' } : defaultResolveUser(context);
        },
      });
      expect(await identityFor({ id: 'ignored' }, { 'x-api-key': 'k1' })).toEqual({
        user: { id: 'key:k1', username: 'service' },
        ...tenant('from-key'),
      });
      expect(await identityFor({ id: 'fallback', tenantId: 'tf' })).toEqual({ user: { id: 'fallback' }, ...tenant('tf') });
      expect(seen).toEqual(['http:WhoController.report', 'http:WhoController.report']);
    });

    it('returning nothing: no user, no tenant', async () => {
      await start({ resolveUser: () => undefined });
      expect(await identityFor({ id: 'u', tenantId: 't' })).toEqual(noOne);
    });

    it('throwing: the request is served without a user, and one warning is logged for any number of failures', async () => {
      await start({
        resolveUser: () => {
          throw new Error('token store down');
        },
        tenantHeader: 'x-tenant-id',
      });
      expect(await identityFor({ id: 'u' })).toEqual(noOne);
      // The opt-in header still applies: only the resolver failed.
      expect(await identityFor({ id: 'u' }, { 'x-tenant-id': 'hdr' })).toEqual({ user: undefined, ...tenant('hdr') });
      expect(testApp!.logger.sentryLines('warn')).toEqual([
        'resolveUser threw (token store down) - the request carries on without a Sentry user; later failures are not logged',
      ]);
    });
  });

  describe('the tenant header is opt-in', () => {
    it('ignored unless tenantHeader is set', async () => {
      await start();
      expect(await identityFor(undefined, { 'x-tenant-id': 'spoofed' })).toEqual(noOne);
    });

    it('with tenantHeader: fills in the tenant, never overrides the principal\'s, and rejects values Sentry would not take', async () => {
      await start({ tenantHeader: 'X-Tenant-Id' });
      expect(await identityFor(undefined, { 'x-tenant-id': 'acme' })).toEqual({ user: undefined, ...tenant('acme') });
      expect(await identityFor({ id: 'u1' }, { 'x-tenant-id': 'acme' })).toEqual({ user: { id: 'u1' }, ...tenant('acme') });
      expect(await identityFor({ id: 'u2', tenantId: 'real' }, { 'x-tenant-id': 'spoofed' })).toEqual({ user: { id: 'u2' }, ...tenant('real') });
      expect(await identityFor(undefined, { 'x-tenant-id': 'x'.repeat(201) })).toEqual(noOne);
      expect(await identityFor(undefined, { 'x-tenant-id': '  ' })).toEqual(noOne);
    });
  });

  it('registerScopeInterceptor: false leaves identity alone (resolveUser never called)', async () => {
    const resolveUser = jest.fn(() => ({ id: 'never' }));
    await start({ registerScopeInterceptor: false, resolveUser });
    expect(await identityFor({ id: 'u', tenantId: 't' })).toEqual(noOne);
    expect(resolveUser).not.toHaveBeenCalled();
  });

  it('Sentry disabled (no DSN): the interceptor is a pass-through, resolveUser is never called', async () => {
    const resolveUser = jest.fn(() => ({ id: 'never' }));
    testApp = await createTestApp({ imports: [SentryModule.forRoot({ dsn: '', resolveUser }), WhoModule] }, platform);
    await request(testApp.url).post('/who').set(TEST_USER_HEADER, JSON.stringify({ id: 'u' })).send({ marker: 'off' }).expect(201);
    expect(resolveUser).not.toHaveBeenCalled();
    expect(ingest.requestCount).toBe(0);
  });
});
