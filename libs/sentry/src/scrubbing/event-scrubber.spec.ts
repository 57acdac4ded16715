import type { Breadcrumb, ErrorEvent, Event, TransactionEvent } from '@sentry/core';
import { createScrubber } from './create-scrubber';

const F = '[Filtered]';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl';

function errorEvent(): ErrorEvent {
  return {
    type: undefined,
    event_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    level: 'error',
    platform: 'node',
    message: 'login failed for bob with password=hunter2',
    logentry: { message: 'charge %s failed with key %s', params: ['ord_1', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'] },
    exception: {
      values: [
        {
          type: 'Error',
          value: `upstream rejected ${JWT}`,
          mechanism: { type: 'generic', handled: true, data: { url: 'https://u:pw@host/x' } },
          stacktrace: {
            frames: [
              {
                filename: '/app/dist/auth.service.js',
                function: 'AuthService.login',
                lineno: 12,
                in_app: true,
                pre_context: ['async login(user) {', "  const password = 'hunter2';"],
                context_line: '  const session = await this.connect("postgres://app:s3cret@db/app");',
                post_context: ['  return session;', '}'],
                vars: { user: { name: 'bob', password: 'hunter2' }, attempt: 2, apiKey: 'k' },
              },
            ],
          },
        },
      ],
    },
    threads: { values: [{ id: 1, stacktrace: { frames: [{ vars: { token: 't' }, context_line: 'token = "t1"' }] } }] },
    breadcrumbs: [
      { category: 'console', message: 'using Bearer abcdef123456 now', timestamp: 1 },
      {
        category: 'http',
        type: 'http',
        data: { url: 'https://api.example.com/x', 'http.method': 'GET', 'http.query': '?token=abc&page=2',
          'http.fragment': '#access_token=xyz', status_code: 200 },
        timestamp: 2,
      },
    ],
    extra: { order: { id: 'ord_1', cardNumber: '4111111111111111' }, note: 'call 123-45-6789' },
    contexts: {
      trace: { trace_id: '0123456789abcdef0123456789abcdef', span_id: '0123456789abcdef', data: { 'http.request.header.authorization': 'Bearer x' } },
      os: { name: 'Linux', version: '6.5.0', kernel_version: '6.5.0-1-amd64' },
      runtime: { name: 'node', version: 'v20.20.2' },
      app: { app_start_time: '2024-01-15T10:30:00.000Z', app_memory: 1234 },
      device: { arch: 'x64', processor_count: 2 },
      culture: { locale: 'en-US', timezone: 'Europe/Paris' },
      cloud_resource: { 'cloud.provider': 'aws', 'cloud.account.id': '123456789012' },
      tenant: { id: 'acme', apiSecret: 'shh', webhook: 'https://hooks.example.com/?page=1&token=t' },
    },
    tags: { tenant: 'acme', session_id: 's1', route: '/reset?token=abc' },
    user: { id: 42, username: 'jane', email: 'jane@example.com', ip_address: '203.0.113.7', password_hash: 'h', plan: 'pro' },
    fingerprint: ['{{ default }}', 'password=hunter2'],
  };
}

describe('scrubEvent (error events)', () => {
  const scrubber = createScrubber();

  it('returns the same event object', () => {
    const event = errorEvent();
    expect(scrubber.scrubEvent(event)).toBe(event);
  });

  it('scrubs message and logentry', () => {
    const event = scrubber.scrubEvent(errorEvent());
    expect(event?.message).toBe(`login failed for bob with password=${F}`);
    expect(event?.logentry).toEqual({ message: 'charge %s failed with key %s', params: ['ord_1', F] });
  });

  it('scrubs exception values, mechanism data, frame variables and source lines', () => {
    const [exception] = scrubber.scrubEvent(errorEvent())?.exception?.values ?? [];
    expect(exception.value).toBe(`upstream rejected ${F}`);
    expect(exception.mechanism?.data).toEqual({ url: `https://u:${F}@host/x` });
    const [frame] = exception.stacktrace?.frames ?? [];
    expect(frame.vars).toEqual({ user: { name: 'bob', password: F }, attempt: 2, apiKey: F });
    expect(frame.pre_context).toEqual(['async login(user) {', `  const password = '${F}';`]);
    expect(frame.context_line).toBe(`  const session = await this.connect("postgres://app:${F}@db/app");`);
    expect(frame.post_context).toEqual(['  return session;', '}']);
    expect(frame.function).toBe('AuthService.login');
  });

  it('scrubs thread frames too', () => {
    const [thread] = scrubber.scrubEvent(errorEvent())?.threads?.values ?? [];
    expect(thread.stacktrace?.frames).toEqual([{ vars: { token: F }, context_line: `token = "${F}"` }]);
  });

  it('scrubs breadcrumb messages and data, and leaves the originals alone', () => {
    const event = errorEvent();
    const original = event.breadcrumbs?.[1] as Breadcrumb;
    const [console, http] = scrubber.scrubEvent(event)?.breadcrumbs ?? [];
    expect(console.message).toBe(`using Bearer ${F} now`);
    expect(http.data).toEqual({
      url: 'https://api.example.com/x', 'http.method': 'GET', 'http.query': `?token=${F}&page=2`,
      'http.fragment': `#access_token=${F}`, status_code: 200,
    });
    expect(original.data?.['http.query']).toBe('?token=abc&page=2');
  });

  it('scrubs extra by key and value, without mutating the app object', () => {
    const event = errorEvent();
    const appExtra = event.extra;
    expect(scrubber.scrubEvent(event)?.extra).toEqual({ order: { id: 'ord_1', cardNumber: F }, note: `call ${F}` });
    expect((appExtra?.order as { cardNumber: string }).cardNumber).toBe('4111111111111111');
  });

  it('scrubs app contexts and keeps structural SDK contexts readable', () => {
    const { contexts } = scrubber.scrubEvent(errorEvent()) ?? {};
    const original = errorEvent().contexts ?? {};
    for (const name of ['os', 'runtime', 'app', 'device', 'culture', 'cloud_resource']) {
      expect(contexts?.[name]).toEqual(original[name]);
    }
    expect(contexts?.trace).toEqual({ ...original.trace, data: { 'http.request.header.authorization': F } });
    expect(contexts?.tenant).toEqual({ id: 'acme', apiSecret: F, webhook: `https://hooks.example.com/?page=1&token=${F}` });
  });

  it('scrubs tags by key and by value', () => {
    expect(scrubber.scrubEvent(errorEvent())?.tags).toEqual({ tenant: 'acme', session_id: F, route: `/reset?token=${F}` });
  });

  it('keeps user.id as is, drops ip_address, and scrubs the other user fields by key', () => {
    expect(scrubber.scrubEvent(errorEvent())?.user).toEqual({
      id: 42, username: 'jane', email: 'jane@example.com', password_hash: F, plan: 'pro',
    });
  });

  it('keeps a numeric user id even when it looks like a card number', () => {
    expect(scrubber.scrubEvent<Event>({ user: { id: 4111111111111111 } })?.user).toEqual({ id: 4111111111111111 });
  });

  it('scrubs the fingerprint', () => {
    expect(scrubber.scrubEvent(errorEvent())?.fingerprint).toEqual(['{{ default }}', `password=${F}`]);
  });

  it('keeps a parameterized message object when nothing changed', () => {
    const message = Object.assign(new String('order 42 failed'), { __sentry_template_string__: 'order %s failed' });
    const event = scrubber.scrubEvent<Event>({ message: message as unknown as string });
    expect(event?.message).toBe(message);
  });

  it('never leaks any planted secret', () => {
    const serialized = JSON.stringify(scrubber.scrubEvent(errorEvent()));
    for (const secret of ['hunter2', 's3cret', 'sk_live_', JWT, 'abcdef123456', '4111111111111111', '123-45-6789', 'shh', '203.0.113.7']) {
      expect(serialized).not.toContain(secret);
    }
  });

  it('is idempotent on a whole event', () => {
    const once = JSON.stringify(scrubber.scrubEvent(errorEvent()));
    expect(JSON.stringify(scrubber.scrubEvent(JSON.parse(once) as Event))).toBe(once);
  });
});

describe('scrubTransaction', () => {
  function transaction(): TransactionEvent {
    return {
      type: 'transaction',
      transaction: 'GET /reset?token=abc',
      contexts: { trace: { trace_id: 't', span_id: 's', data: { 'url.full': 'https://x/?api_key=k', 'sentry.op': 'http.server' } } },
      request: { url: 'https://shop/reset?token=abc', headers: { authorization: 'Bearer t' } },
      spans: [
        {
          span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', op: 'db',
          description: "SELECT * FROM users WHERE email = 'a@b.co' AND password = 'hunter2'",
          data: { 'db.system': 'postgresql', 'db.connection_string': 'postgres://u:pw@db/x' },
        },
        {
          span_id: '2', trace_id: 't', start_timestamp: 1, status: 'ok', op: 'http.client',
          description: 'GET https://api.example.com/v1?access_token=abc',
          data: { 'http.request.header.x_api_key': 'k', 'http.response.status_code': 200 },
        },
      ],
    };
  }

  it('scrubs the name, the request, the trace data and every span', () => {
    const event = createScrubber().scrubTransaction(transaction());
    expect(event?.transaction).toBe(`GET /reset?token=${F}`);
    expect(event?.request).toEqual({ url: `https://shop/reset?token=${F}`, headers: { authorization: F } });
    expect(event?.contexts?.trace?.data).toEqual({ 'url.full': `https://x/?api_key=${F}`, 'sentry.op': 'http.server' });
    expect(event?.spans?.map(({ description, data }) => ({ description, data }))).toEqual([
      {
        description: `SELECT * FROM users WHERE email = '${F}' AND password = '${F}'`,
        data: { 'db.system': 'postgresql', 'db.connection_string': `postgres://u:${F}@db/x` },
      },
      {
        description: `GET https://api.example.com/v1?access_token=${F}`,
        data: { 'http.request.header.x_api_key': F, 'http.response.status_code': 200 },
      },
    ]);
  });
});
