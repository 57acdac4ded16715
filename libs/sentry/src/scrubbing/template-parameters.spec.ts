import type { Log } from '@sentry/core';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import { sensitiveParameterIndexes } from './template-parameters';

const F = '[Filtered]';
const engine = createScrubEngine();

describe('message template parameters', () => {
  it.each([
    ['a sensitive key before the placeholder', 'reset link sent, token=%s', ['abc123'], [0]],
    ['a quoted JSON pair', '{"password": "%s", "user": "%s"}', ['hunter2', 'ada'], [0]],
    ['an auth scheme', 'called upstream with Bearer %s', ['abc123def456ghi'], [0]],
    ['a sensitive key given as a parameter', '%s=%s', ['api_key', 'k-123'], [1]],
    ['a secret glued to another parameter', 'token=%s%s', ['abc', 'def'], [0, 1]],
    ['nothing sensitive', 'order %s shipped to %s', ['ORD-1', 'Lyon'], []],
    ['an escaped percent sign', 'rate 50%% for %s', ['ada'], []],
    ['fewer values than placeholders', 'token=%s and %s', ['abc'], [0]],
  ])('%s', (_name, template, values, expected) => {
    expect(sensitiveParameterIndexes(template, values, engine)).toEqual(expected);
  });

  it('masks sentry.message.parameter.N of a log, keeps the placeholder readable, and is idempotent', () => {
    const log: Log = {
      level: 'info',
      message: 'reset link sent to ada, token=abc123',
      attributes: {
        'sentry.message.template': 'reset link sent to %s, token=%s',
        'sentry.message.parameter.0': 'ada',
        'sentry.message.parameter.1': 'abc123',
      },
    };
    const scrubber = createScrubber();
    const once = scrubber.scrubLog(log);
    expect(once).toEqual({
      level: 'info',
      message: `reset link sent to ada, token=${F}`,
      attributes: {
        'sentry.message.template': 'reset link sent to %s, token=%s',
        'sentry.message.parameter.0': 'ada',
        'sentry.message.parameter.1': F,
      },
    });
    expect(scrubber.scrubLog(once!)).toEqual(once);
    expect(log.attributes?.['sentry.message.parameter.1']).toBe('abc123');
  });

  it('masks logentry.params of a parameterized message event', () => {
    const event = createScrubber().scrubEvent({ logentry: { message: 'login as %s with password=%s', params: ['ada', 'hunter2'] } });
    expect(event?.logentry).toEqual({ message: 'login as %s with password=%s', params: ['ada', F] });
  });
});
