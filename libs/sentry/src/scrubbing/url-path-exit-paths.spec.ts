import type { Breadcrumb, Event, Log, Metric, SpanJSON, StreamedSpanJSON } from '@sentry/core';
import fc from 'fast-check';
import { createScrubber } from './create-scrubber';

/**
 * Secrets in URL paths (issue 17, class 5) in every exit path: the rule sits in the string
 * scrubber, which every hook shares; this proves each hook reaches it wherever a URL or a path
 * is written (request URL, transaction and span names, span data, breadcrumbs, logs, metrics,
 * exception messages, the sampling context). Values are drawn from the fixed property seed.
 */
const [resetToken, fileToken, inviteToken] = fc.sample(fc.stringMatching(/^[A-Za-z0-9_-]{10}$/), 3).map((body, index) => `${body}Q${index}x7Kp2Lz8Rt4Yw1N`);
const slackSecret = fc.sample(fc.stringMatching(/^[A-Za-z0-9]{16}$/), 1)[0] + 'Ab3Cd4Ef';
const hexReset = fc.sample(fc.stringMatching(/^[0-9a-f]{64}$/), 1)[0];
const secrets = [resetToken, fileToken, inviteToken, slackSecret, hexReset];

const resetUrl = `https://app.example.test/reset-password/${resetToken}?lang=en`;
const fileUrl = `https://cdn.example.test/files/${fileToken}/preview.png`;
const slackUrl = `https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/${slackSecret}`;
const readable = ['/orders/ORD-2024-000123', '/orders/3f2b8c1e-9a4d-4e7b-b1c2-5d6e7f8a9b0c', '/blog/my-first-blog-post-about-nestjs'];

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
}

function expectReadable(value: unknown): void {
  const text = JSON.stringify(value);
  for (const path of readable) expect({ path, kept: text.includes(path) }).toEqual({ path, kept: true });
}

const spanData = (): Record<string, unknown> => ({
  'url.full': resetUrl,
  'url.path': `/invite/${inviteToken}`,
  'http.target': `/files/${fileToken}?download=1`,
  'http.url': slackUrl,
  'http.route': '/reset-password/:token',
  'url.template': readable.join(','),
  'http.request.header.referer': `https://app.example.test/verify-email/${hexReset}`,
});

describe('secrets in URL paths, in every exit path', () => {
  const scrubber = createScrubber();

  it('error events: request URL, transaction, message, exception, breadcrumbs, sampling context, raw request', () => {
    const event: Event = {
      transaction: `GET /reset-password/${resetToken}`,
      message: `sent ${resetUrl} and ${readable[0]}`,
      exception: { values: [{ type: 'Error', value: `POST ${slackUrl} returned 404 (${readable[1]})` }] },
      request: { url: resetUrl, method: 'GET' },
      breadcrumbs: [
        { type: 'http', category: 'http', data: { url: fileUrl, 'http.method': 'GET' } },
        { category: 'console', message: `GET /invite/${inviteToken} 200 ${readable[2]}` },
      ],
      sdkProcessingMetadata: {
        normalizedRequest: { url: resetUrl },
        dynamicSamplingContext: { trace_id: 'abc', transaction: `GET /invite/${inviteToken}` },
      },
    };
    const clean = scrubber.scrubEvent(event);
    expectNoSecret(clean);
    expectReadable(clean);
    expect(clean?.request?.url).toBe('https://app.example.test/reset-password/[Filtered]?lang=en');
    expect(clean?.transaction).toBe('GET /reset-password/[Filtered]');
  });

  it('transactions, their spans and the trace context', () => {
    const span = { span_id: 'a', trace_id: 'b', start_timestamp: 0, description: `GET /files/${fileToken}`, data: spanData() } as SpanJSON;
    const clean = scrubber.scrubTransaction({ type: 'transaction', transaction: `GET /invite/${inviteToken}`, spans: [span], contexts: { trace: { trace_id: 'b', span_id: 'c', data: spanData() } } } as Event);
    expectNoSecret(clean);
    expectReadable(clean);
    expect((clean?.spans?.[0].data as Record<string, unknown>)['http.route']).toBe('/reset-password/:token');
  });

  it('spans in both shapes, breadcrumbs, logs and metrics on their own', () => {
    expectNoSecret(scrubber.scrubSpan({ span_id: 'a', trace_id: 'b', start_timestamp: 0, description: `GET ${fileUrl}`, data: spanData() } as SpanJSON));
    const streamed = { span_id: 'a', trace_id: 'b', name: `POST /invite/${inviteToken}`, attributes: spanData() } as unknown as StreamedSpanJSON;
    expectNoSecret(scrubber.scrubSpan(streamed));
    expectNoSecret(scrubber.scrubBreadcrumb({ type: 'http', category: 'fetch', data: { url: slackUrl, method: 'POST' } } as Breadcrumb));
    const log = { level: 'info', message: `reset link ${resetUrl} sent; ${readable[0]}`, attributes: { url: fileUrl } } as Log;
    const cleanLog = scrubber.scrubLog(log);
    expectNoSecret(cleanLog);
    expect(cleanLog?.message).toContain(readable[0]);
    expectNoSecret(scrubber.scrubMetric({ name: 'http.client', type: 'counter', value: 1, attributes: { 'url.path': `/invite/${inviteToken}` } } as Metric));
    expect(scrubber.failures).toBe(0);
  });

  it('log template parameters that sit in a path, sent on their own', () => {
    const log: Log = {
      level: 'info',
      message: `GET /files/${fileToken} for ${readable[0]}`,
      attributes: {
        'sentry.message.template': 'GET /files/%s for %s',
        'sentry.message.parameter.0': fileToken,
        'sentry.message.parameter.1': readable[0],
      },
    };
    const clean = scrubber.scrubLog(log);
    expectNoSecret(clean);
    expect(clean?.attributes?.['sentry.message.parameter.1']).toBe(readable[0]);
  });
});
