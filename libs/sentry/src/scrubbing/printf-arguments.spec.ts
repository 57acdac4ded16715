import type { Breadcrumb, Event, Log } from '@sentry/core';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';
import { sensitiveParameterIndexes } from './template-parameters';

const F = '[Filtered]';
const engine = createScrubEngine();

describe('printf-style arguments after a sensitive word (no `=` between)', () => {
  it.each([
    ['a word then the placeholder', 'vault unsealed with passphrase %s', ['amber-kite-41'], [0]],
    ['a linking verb', 'the new pin is %s for %s', ['7310', 'ada'], [0]],
    ['a colon and quotes', "api key: '%s' (user %d)", ['k-5520', 42], [0]],
    ['other conversions', 'otp %d sent to %s', [918273, 'ada'], [0]],
    ['nothing sensitive', 'user %s logged in with %d devices', ['ada', 2], []],
    ['a metadata word', 'password length %d', [16], []],
    ['an escaped percent before', 'discount 10%% with pin %s', ['8800'], [0]],
  ])('%s', (_name, template, values, expected) => {
    expect(sensitiveParameterIndexes(template, values, engine)).toEqual(expected);
  });

  it('masks console breadcrumb arguments and rebuilds the message the way the SDK joins it', () => {
    const scrubber = createScrubber();
    const crumb: Breadcrumb = {
      category: 'console',
      level: 'log',
      message: 'signing secret %s for tenant %s nS4-ribbon-2207 acme',
      data: { arguments: ['signing secret %s for tenant %s', 'nS4-ribbon-2207', 'acme'], logger: 'console' },
    };
    expect(scrubber.scrubBreadcrumb(crumb)).toEqual({
      ...crumb,
      message: `signing secret %s for tenant %s ${F} acme`,
      data: { arguments: ['signing secret %s for tenant %s', F, 'acme'], logger: 'console' },
    });
    const harmless: Breadcrumb = { category: 'console', message: 'loaded %s items 12', data: { arguments: ['loaded %s items', 12] } };
    expect(scrubber.scrubBreadcrumb(harmless)).toEqual(harmless);
  });

  it('masks logentry.params of an event (logger.log with a template)', () => {
    const event = createScrubber().scrubEvent({ logentry: { message: 'door code is %s, floor %s', params: ['Ux-4471', 3] } } as Event);
    expect(event?.logentry).toEqual({ message: 'door code is %s, floor %s', params: [F, 3] });
  });

  it('masks the log parameter and the filled-in message of a Sentry log', () => {
    const log: Log = {
      level: 'info',
      message: 'pin 5519 accepted for ada',
      attributes: { 'sentry.message.template': 'pin %s accepted for %s', 'sentry.message.parameter.0': '5519', 'sentry.message.parameter.1': 'ada' },
    };
    const scrubbed = createScrubber().scrubLog(log);
    expect(scrubbed?.message).toBe(`pin ${F} accepted for ada`);
    expect(scrubbed?.attributes).toMatchObject({ 'sentry.message.parameter.0': F, 'sentry.message.parameter.1': 'ada' });
  });
});
