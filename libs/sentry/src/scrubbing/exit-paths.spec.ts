import type { Event, Metric } from '@sentry/core';
import { createScrubber } from './create-scrubber';

const F = '[Filtered]';

describe('exit paths beyond the event body', () => {
  it('scrubs the root span name in the dynamic sampling context (the envelope header), on a copy', () => {
    const dsc = Object.freeze({ trace_id: '4111111111111111aaaabbbbccccdddd', public_key: 'public', transaction: 'retry card 4111 1111 1111 1111' });
    const event: Event = { type: 'transaction', transaction: 'retry card 4111 1111 1111 1111', sdkProcessingMetadata: { dynamicSamplingContext: dsc } };
    const clean = createScrubber().scrubTransaction(event);
    expect(clean?.transaction).toBe(`retry card ${F}`);
    expect(clean?.sdkProcessingMetadata?.dynamicSamplingContext).toEqual({ ...dsc, transaction: `retry card ${F}` });
    expect(dsc.transaction).toBe('retry card 4111 1111 1111 1111');
  });

  it('leaves a harmless sampling context as it is', () => {
    const dsc = { trace_id: 'abc', transaction: 'GET /orders/:id' };
    const clean = createScrubber().scrubEvent({ sdkProcessingMetadata: { dynamicSamplingContext: dsc } });
    expect(clean?.sdkProcessingMetadata?.dynamicSamplingContext).toBe(dsc);
  });

  it('scrubs metric attributes by key and value, on a copy (beforeSendMetric)', () => {
    const metric: Metric = {
      name: 'checkout.declined',
      type: 'counter',
      value: 1,
      attributes: { api_key: 'k-123', note: 'card 4111 1111 1111 1111', max_tokens: 256, 'user.email': 'ada@example.com' },
    };
    expect(createScrubber().scrubMetric(metric)).toEqual({
      name: 'checkout.declined',
      type: 'counter',
      value: 1,
      attributes: { api_key: F, note: `card ${F}`, max_tokens: 256, 'user.email': 'ada@example.com' },
    });
    expect(metric.attributes?.api_key).toBe('k-123');
  });

  it('drops the attributes of a metric it cannot scrub, and counts the failure', () => {
    const scrubber = createScrubber();
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('hostile'); } });
    expect(scrubber.scrubMetric({ name: 'm', type: 'gauge', value: 2, attributes: hostile })).toEqual({ name: 'm', type: 'gauge', value: 2 });
    expect(scrubber.failures).toBe(1);
  });
});

describe('what the user\'s own hooks can read', () => {
  it('scrubs the SDK\'s raw copy of the request and drops the client IP, without touching the scope\'s copy', () => {
    const normalizedRequest = { url: 'http://app/login?token=abc', headers: { authorization: 'Bearer abc.def-123', accept: 'text/html' } };
    const event: Event = { sdkProcessingMetadata: { normalizedRequest, ipAddress: '203.0.113.9', spanCountBeforeProcessing: 3 } };
    const clean = createScrubber().scrubEvent(event);
    expect(clean?.sdkProcessingMetadata).toEqual({
      normalizedRequest: { url: `http://app/login?token=${F}`, headers: { authorization: F, accept: 'text/html' } },
      spanCountBeforeProcessing: 3,
    });
    expect(normalizedRequest.headers.authorization).toBe('Bearer abc.def-123');
  });
});
