import type { Breadcrumb, Log, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import { createScrubber } from './create-scrubber';

const F = '[Filtered]';

describe('scrubBreadcrumb (beforeBreadcrumb)', () => {
  it('returns a scrubbed copy of message and data', () => {
    const breadcrumb: Breadcrumb = {
      category: 'http',
      message: 'POST https://api.example.com/login?password=x',
      data: { url: 'https://u:pw@api.example.com/login', 'http.query': 'token=abc', 'http.fragment': '#code=1', status_code: 401 },
    };
    const result = createScrubber().scrubBreadcrumb(breadcrumb);
    expect(result).toEqual({
      category: 'http',
      message: `POST https://api.example.com/login?password=${F}`,
      data: { url: `https://u:${F}@api.example.com/login`, 'http.query': `token=${F}`, 'http.fragment': '#code=1', status_code: 401 },
    });
    expect(result).not.toBe(breadcrumb);
    expect(breadcrumb.data?.['http.query']).toBe('token=abc');
  });
});

describe('scrubSpan (beforeSendSpan)', () => {
  it('scrubs a SpanJSON description and data in place, copying the data', () => {
    const data = { 'url.full': 'https://x/?api_key=k', 'http.request.header.cookie.session_id': 's', 'sentry.op': 'http.client' };
    const span: SpanJSON = { span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', data, description: 'GET https://x/?api_key=k' };
    const result = createScrubber().scrubSpan(span);
    expect(result).toBe(span);
    expect(result.description).toBe(`GET https://x/?api_key=${F}`);
    expect(result.data).toEqual({ 'url.full': `https://x/?api_key=${F}`, 'http.request.header.cookie.session_id': F, 'sentry.op': 'http.client' });
    expect(data['url.full']).toBe('https://x/?api_key=k');
  });

  it('scrubs a streamed span name and attributes', () => {
    const span: StreamedSpanJSON = {
      span_id: '1', trace_id: 't', start_timestamp: 1, end_timestamp: 2, status: 'ok', is_segment: false,
      name: "UPDATE users SET password = 'x'",
      attributes: { 'db.statement': "UPDATE users SET password = 'x'", 'db.user.token': 't' },
    };
    const result = createScrubber().scrubSpan(span);
    expect(result.name).toBe(`UPDATE users SET password = '${F}'`);
    expect(result.attributes).toEqual({ 'db.statement': `UPDATE users SET password = '${F}'`, 'db.user.token': F });
  });
});

describe('scrubLog (beforeSendLog)', () => {
  it('scrubs the message and attributes, keeping user fields the app set', () => {
    const log: Log = {
      level: 'info',
      message: 'user logged in with token=abc',
      attributes: {
        'sentry.message.template': 'user logged in with %s',
        'sentry.message.parameter.0': 'Bearer abcdef123456',
        'user.id': '42',
        'user.email': 'jane@example.com',
        apiKey: { value: 'k', unit: undefined },
        'http.response.status_code': 200,
      },
    };
    expect(createScrubber().scrubLog(log)).toEqual({
      level: 'info',
      message: `user logged in with token=${F}`,
      attributes: {
        'sentry.message.template': 'user logged in with %s',
        'sentry.message.parameter.0': `Bearer ${F}`,
        'user.id': '42',
        'user.email': 'jane@example.com',
        apiKey: F,
        'http.response.status_code': 200,
      },
    });
    expect(log.message).toBe('user logged in with token=abc');
  });

  it('turns a parameterized message into a plain string only when something was filtered', () => {
    const template = { __sentry_template_string__: 'key %s', __sentry_template_values__: ['x'] };
    const leaking = Object.assign(new String('key sk_live_4eC39HqLyjWDarjtT1zdp7dc'), template);
    const harmless = Object.assign(new String('key 42'), template);
    const scrubber = createScrubber();
    expect(scrubber.scrubLog({ level: 'warn', message: leaking as unknown as string })?.message).toBe(`key ${F}`);
    expect(scrubber.scrubLog({ level: 'warn', message: harmless as unknown as string })?.message).toBe(harmless);
  });
});

describe('options', () => {
  it('applies extraKeys, extraPatterns, allowKeys and replacement to every hook', () => {
    const scrubber = createScrubber({
      extraKeys: ['tenant_ref'],
      extraPatterns: [/EMP-\d{4}/g],
      allowKeys: ['session_id'],
      replacement: '<redacted>',
    });
    expect(scrubber.scrubBreadcrumb({ message: 'EMP-1234', data: { tenantRef: 'x', session_id: 's', token: 't' } })).toEqual({
      message: '<redacted>',
      data: { tenantRef: '<redacted>', session_id: 's', token: '<redacted>' },
    });
  });
});
