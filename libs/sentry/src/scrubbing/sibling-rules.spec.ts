import { createScrubEngine } from './scrub-engine';

const engine = createScrubEngine();
const F = '[Filtered]';

describe('rules that read a value from its siblings', () => {
  it('masks the value of a name/value pair whose name is sensitive, in any casing of the members', () => {
    const settings = [
      { name: 'ldap_bind_password', value: 'Vx7-orchard-lamp' },
      { name: 'ldap_host', value: 'ldap.corp.test' },
      { Key: 'WebhookSigningSecret', Value: 'mQ2pL9zR' },
      { key: 'retries', value: 3 },
    ];
    expect(engine.scrubDeep(settings)).toEqual([
      { name: 'ldap_bind_password', value: F },
      { name: 'ldap_host', value: 'ldap.corp.test' },
      { Key: 'WebhookSigningSecret', Value: F },
      { key: 'retries', value: 3 },
    ]);
  });

  it('masks the private members of a JWK (an object with kty) and keeps its public ones', () => {
    const jwk = { kty: 'RSA', kid: 'k-2031', n: 'u1Pq9', e: 'AQAB', d: 'Xk2r', p: 'a1', q: 'b2', dp: 'c3', dq: 'd4', qi: 'e5' };
    expect(engine.scrubDeep({ signing: jwk })).toEqual({
      signing: { kty: 'RSA', kid: 'k-2031', n: 'u1Pq9', e: 'AQAB', d: F, p: F, q: F, dp: F, dq: F, qi: F },
    });
    expect(engine.scrubDeep({ kty: 'oct', k: 'GawgguFyGrWKav7AX4VKUg', alg: 'A128KW' })).toEqual({ kty: 'oct', k: F, alg: 'A128KW' });
    expect(engine.scrubDeep({ d: 'day-3', p: 'page' })).toEqual({ d: 'day-3', p: 'page' });
  });

  it('masks the value after a sensitive header name in rawHeaders-style arrays', () => {
    const rawHeaders = ['Host', 'api.test', 'Authorization', 'Token 9f8e7d6c5b4a', 'X-Admin-Key', 'adm-77', 'Accept', '*/*'];
    expect(engine.scrubDeep({ rawHeaders })).toEqual({
      rawHeaders: ['Host', 'api.test', 'Authorization', F, 'X-Admin-Key', F, 'Accept', '*/*'],
    });
    expect(engine.scrubDeep(['connect failed', 'Authorization', 'x', 'y'])).toEqual(['connect failed', 'Authorization', 'x', 'y']);
  });
});
