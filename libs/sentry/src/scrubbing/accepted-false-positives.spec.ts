import type { Event } from '@sentry/core';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';

/**
 * Harmless data the rules filter on purpose: the price of catching the real thing. Listed in
 * README.md ("Scrubbing", accepted false positives); a rule change that lets one through must
 * update that list too.
 */
const engine = createScrubEngine();
const F = '[Filtered]';

describe('accepted false positives', () => {
  it('keys holding an unambiguous fragment, also where two words join into one (secretary, compass_word)', () => {
    const data = { secretary: 'Joan H.', cookie_consent: 'granted', authorization_url: 'https://idp.test/authorize', compass_word: 'north', mapi_key: 'v2' };
    expect(engine.scrubDeep(data)).toEqual({ secretary: F, cookie_consent: F, authorization_url: F, compass_word: F, mapi_key: F });
  });

  it('a sensitive word followed by a colon reads as a pair (Session: expired)', () => {
    expect(engine.scrubString('Session: expired, please sign in')).toBe(`Session: ${F}, please sign in`);
    expect(engine.scrubString('auth: 3 attempts left')).toBe(`auth: ${F} attempts left`);
  });

  it('after a sensitive key, a capitalised word and 8 credential characters read as scheme and credential', () => {
    expect(engine.scrubString('token: Renewed abcd1234 today')).toBe(`token: ${F} today`);
  });

  it('in an even-length array of words, the item after a sensitive one reads as a rawHeaders value', () => {
    expect(engine.scrubDeep({ steps: ['token', 'refresh', 'session', 'expired'] })).toEqual({ steps: ['token', F, 'session', F] });
  });

  it('cookie names holding sess, sid, auth or remember anywhere', () => {
    const event = createScrubber().scrubEvent<Event>({ request: { cookies: { consider_layout: 'wide', authority_hint: 'eu', theme: 'dark' } } });
    expect(event?.request?.cookies).toEqual({ consider_layout: F, authority_hint: F, theme: 'dark' });
  });

  it('a bare four-part dotted number reads as an IPv4 address', () => {
    expect(engine.scrubString('build 10.4.2.7 deployed')).toBe(`build ${F} deployed`);
  });

  it('a 16-digit id with a card prefix that passes Luhn reads as a card number', () => {
    expect(engine.scrubString('order 4929182736450194 shipped')).toBe(`order ${F} shipped`);
  });

  it('grouped digits with a leading trunk 0 read as a national phone number', () => {
    expect(engine.scrubString('ticket ref 0612 345 678')).toBe(`ticket ref ${F}`);
  });

  it('a UUID or a number right after a credential word in a URL path reads as the credential', () => {
    expect(engine.scrubString('GET /invite/3f2b8c1e-9a4d-4e7b-b1c2-5d6e7f8a9b0c')).toBe(`GET /invite/${F}`);
    expect(engine.scrubString('GET /share/98765')).toBe(`GET /share/${F}`);
    expect(engine.scrubString('GET /auth/12/settings')).toBe(`GET /auth/${F}/settings`);
  });
});
