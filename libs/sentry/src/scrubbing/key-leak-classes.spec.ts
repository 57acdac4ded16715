import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';

/** Keys that were not on the list (issue 17), and the metadata words that describe a secret. */
const engine = createScrubEngine();
const F = '[Filtered]';

describe('OAuth codes', () => {
  it('filters a bare `code` key and one-time code keys, in objects and in query strings', () => {
    expect(engine.scrubDeep({ code: 'Qm4v-7TzkRpe2Lw', state: 'st-81', user_code: 'WDJB-MJHT', verificationCode: '604119' })).toEqual({
      code: F, state: 'st-81', user_code: F, verificationCode: F,
    });
    expect(engine.scrubString('/oauth/callback?code=Ax7_pQ2rLm9&state=af01')).toBe(`/oauth/callback?code=${F}&state=af01`);
    expect(engine.scrubDeep({ 'url.query': '?state=z1&code=Vb6tNw3yHs' })).toEqual({ 'url.query': `?state=z1&code=${F}` });
    expect(engine.scrubDeep({ 'http.query': 'code=Vb6tNw3yHs' })).toEqual({ 'http.query': `code=${F}` });
  });

  it('keeps error codes, status codes and other *_code keys readable', () => {
    const data = { code: 'ECONNRESET', error: { code: 'P2002' }, status: { code: 503 }, country_code: 'NZ', error_code: 'x9', 'code.function': 'handle' };
    expect(engine.scrubDeep(data)).toEqual(data);
    expect(engine.scrubString('request failed with code=ETIMEDOUT after 3 tries')).toBe('request failed with code=ETIMEDOUT after 3 tries');
  });
});

describe('other keys that were not on the list', () => {
  it('filters `sig` as a whole word', () => {
    expect(engine.scrubString('https://cdn.test/f.png?expires=1700&sig=Zk3rT9pq')).toBe(`https://cdn.test/f.png?expires=1700&sig=${F}`);
    expect(engine.scrubDeep({ sig: 'b64-8xQ', signal: 'SIGTERM' })).toEqual({ sig: F, signal: 'SIGTERM' });
  });

  it('filters admin `*-key` headers, also when a header travels as span data, and keeps idempotency keys', () => {
    const scrubber = createScrubber();
    const event = scrubber.scrubEvent({
      request: { headers: { 'x-admin-key': 'adm-5512', 'X-Tenant-Key': 'tk-88', 'Idempotency-Key': 'idem-42', accept: 'text/html' } },
      spans: [{ span_id: 'a', trace_id: 'b', start_timestamp: 0, data: { 'http.request.header.x_service_key': 'svc-9' } }],
    } as never) as unknown as { request: { headers: unknown }; spans: Array<{ data: unknown }> };
    expect(event.request.headers).toEqual({ 'x-admin-key': F, 'X-Tenant-Key': F, 'Idempotency-Key': 'idem-42', accept: 'text/html' });
    expect(event.spans[0].data).toEqual({ 'http.request.header.x_service_key': F });
  });

  it('filters any auth scheme after an authorization key, not only Bearer and Basic', () => {
    for (const scheme of ['Token', 'SSWS', 'Bot', 'GenieKey', 'Splunk']) {
      expect(engine.scrubString(`sent Authorization: ${scheme} 00aB9cD8eF7gH6 upstream`)).toBe(`sent Authorization: ${F} upstream`);
    }
    expect(engine.scrubString('auth=Digest username="ops", nonce=1')).toContain(`auth=${F}`);
  });

  // Found by the property test: a capitalised value followed by a blank and 8 credential
  // characters reads as "scheme credential", and a `(` right after it made it look like a call.
  it('filters a value that reads as scheme and credential even when a parenthesis follows', () => {
    expect(engine.scrubString('cb?access_token=Rt7x00BB0bbB0008Yk +....B..(')).toBe(`cb?access_token=${F}(`);
    expect(engine.scrubString('token = await read()')).toBe('token = await read()');
    expect(engine.scrubString('secret = loadSecret()')).toBe('secret = loadSecret()');
  });
});

describe('metadata words describe a secret rather than hold it', () => {
  it.each(['auth_method', 'signature_algorithm', 'password_policy_version', 'token_scheme', 'secret_version', 'otp_format', 'pin_length', 'api_key_count'])(
    'keeps %s readable',
    (key) => {
      expect(engine.scrubDeep({ [key]: 'RS256-v3' })).toEqual({ [key]: 'RS256-v3' });
      expect(engine.scrubString(`${key}=RS256-v3`)).toBe(`${key}=RS256-v3`);
    },
  );

  it('keeps token_type readable, Bearer included', () => {
    expect(engine.scrubDeep({ token_type: 'Bearer', expires_in: 3600 })).toEqual({ token_type: 'Bearer', expires_in: 3600 });
  });
});
