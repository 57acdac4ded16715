import type { Breadcrumb, Event, Log, SpanJSON } from '@sentry/core';
import { createScrubber } from './create-scrubber';

const F = '[Filtered]';

function throwingGetter<T = Record<string, unknown>>(): T {
  return Object.defineProperty({} as T, 'boom', {
    enumerable: true,
    get() {
      throw new Error('getter failed');
    },
  });
}

/** A Proxy whose every trap throws, like a revoked proxy or a hostile ORM entity. */
function hostile<T extends object>(): T {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy as T;
}

function eventWithRiskyParts(): Event {
  return {
    message: 'failed for password=hunter2',
    request: {
      url: 'https://shop/x?token=abc',
      method: 'POST',
      headers: { authorization: 'Bearer abcdef123456' },
      cookies: { sid: 's' },
      query_string: 'token=abc',
      data: '{"password":"x"}',
    },
    extra: { ok: 1 },
    contexts: { trace: { trace_id: 't', span_id: 's', data: { a: 1 } }, os: { name: 'Linux' }, tenant: { id: 'acme' } },
    breadcrumbs: [{ message: 'token=abc', data: { url: 'https://x' } }],
    exception: {
      values: [{ value: 'boom token=abc', stacktrace: { frames: [{ context_line: 'pwd = "x"', vars: { a: 1 } }] } }],
    },
    spans: [{ span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', description: 'GET /?token=abc', data: { a: 1 } }],
  };
}

describe('fail-safe scrubbing', () => {
  it('drops the risky parts of an event when a getter throws, and scrubs the rest', () => {
    const scrubber = createScrubber();
    const event = eventWithRiskyParts();
    event.extra = throwingGetter();
    const result = scrubber.scrubEvent(event);
    expect(scrubber.failures).toBe(1);
    expect(result).toEqual({
      message: `failed for password=${F}`,
      request: { url: `https://shop/x?token=${F}`, method: 'POST' },
      contexts: { trace: { trace_id: 't', span_id: 's' }, os: { name: 'Linux' } },
      breadcrumbs: [{ message: `token=${F}` }],
      exception: { values: [{ value: `boom token=${F}`, stacktrace: { frames: [{ context_line: `pwd = "${F}"` }] } }] },
      spans: [{ span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', description: `GET /?token=${F}`, data: {} }],
    });
  });

  it.each<[string, (event: Event) => void]>([
    ['breadcrumb data', (event) => { (event.breadcrumbs as Breadcrumb[])[0].data = hostile(); }],
    ['frame variables', (event) => { event.exception!.values![0].stacktrace!.frames![0].vars = hostile(); }],
    ['request body', (event) => { event.request!.data = hostile(); }],
    ['span data', (event) => { event.spans![0].data = hostile(); }],
    ['an app context', (event) => { event.contexts!.tenant = hostile<Record<string, unknown>>(); }],
  ])('recovers from a hostile Proxy in %s', (_where, plant) => {
    const scrubber = createScrubber();
    const event = eventWithRiskyParts();
    plant(event);
    const result = scrubber.scrubEvent(event);
    expect(scrubber.failures).toBe(1);
    expect(result?.message).toBe(`failed for password=${F}`);
    expect(JSON.stringify(result)).not.toMatch(/hunter2|abcdef123456|token=abc/);
  });

  it('drops the event (null) when even the rest cannot be read', () => {
    const scrubber = createScrubber();
    const event = eventWithRiskyParts();
    Object.defineProperty(event, 'message', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(scrubber.scrubEvent(event)).toBeNull();
    expect(scrubber.scrubTransaction(hostile<Event>())).toBeNull();
    expect(scrubber.failures).toBe(2);
  });

  it('drops breadcrumb data on failure, then the breadcrumb itself', () => {
    const scrubber = createScrubber();
    expect(scrubber.scrubBreadcrumb({ message: 'token=abc', data: throwingGetter() })).toEqual({ message: `token=${F}` });
    expect(scrubber.scrubBreadcrumb(hostile<Breadcrumb>())).toBeNull();
    expect(scrubber.failures).toBe(2);
  });

  it('empties span data on failure, and never returns null for a span', () => {
    const scrubber = createScrubber();
    const span: SpanJSON = { span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', description: 'token=abc', data: throwingGetter<SpanJSON['data']>() };
    expect(scrubber.scrubSpan(span)).toEqual({ span_id: '1', trace_id: 't', start_timestamp: 1, status: 'ok', description: `token=${F}`, data: {} });
    const stub = scrubber.scrubSpan(hostile<SpanJSON>());
    expect(stub).toEqual({ span_id: '', trace_id: '', start_timestamp: 0, data: {} });
    expect(scrubber.failures).toBe(2);
  });

  it('drops log attributes on failure, then the log itself', () => {
    const scrubber = createScrubber();
    const log: Log = { level: 'info', message: 'token=abc', attributes: throwingGetter() };
    expect(scrubber.scrubLog(log)).toEqual({ level: 'info', message: `token=${F}` });
    expect(scrubber.scrubLog(hostile<Log>())).toBeNull();
    expect(scrubber.failures).toBe(2);
  });

  it('counts nothing when nothing fails', () => {
    const scrubber = createScrubber();
    scrubber.scrubEvent(eventWithRiskyParts());
    expect(scrubber.failures).toBe(0);
  });
});
