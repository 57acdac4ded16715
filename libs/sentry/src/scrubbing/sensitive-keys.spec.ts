import { normalizeKey } from './key-normalizer.util';
import { createKeyMatcher } from './sensitive-keys';

describe('normalizeKey', () => {
  it.each([
    ['newPassword', ['new', 'password']],
    ['X-Api-Key', ['x', 'api', 'key']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['AWS_SECRET_ACCESS_KEY', ['aws', 'secret', 'access', 'key']],
    ['oauth2Token', ['oauth', '2', 'token']],
    ['connect.sid', ['connect', 'sid']],
    ['user[password]', ['user', 'password']],
    ['user%5Bpassword%5D', ['user', 'password']],
    ['  spaced key  ', ['spaced', 'key']],
  ])('splits %p into words', (raw, words) => {
    expect(normalizeKey(raw)).toEqual({ words, joined: words.join('') });
  });

  it('keeps a malformed percent sequence as it is', () => {
    expect(normalizeKey('a%ZZb').joined).toBe('azzb');
  });
});

describe('createKeyMatcher (built-in rules)', () => {
  const isSensitive = createKeyMatcher();

  it.each([
    'password', 'user_password', 'newPassword', 'PASSWD', 'passphrase', 'db_pass', 'pwd', 'mysql_pwd',
    'secret', 'client_secret', 'clientSecret', 'AWS_SECRET_ACCESS_KEY', 'aws_access_key_id',
    'api_key', 'apiKey', 'X-Api-Key', 'privateKey', 'private_key', 'credentials', 'Authorization',
    'proxy-authorization', 'auth', 'basic_auth', 'authHeader', 'bearer', 'jwt', 'id_jwt',
    'token', 'accessToken', 'refresh_token', 'id-token', 'refreshToken', 'x-auth-token', 'csrftoken',
    'XSRF-TOKEN', '_csrf', 'token_value', 'tokens', 'access_tokens',
    'cookie', 'set-cookie', 'session', 'sessionId', 'session_data', 'sid', 'connect.sid',
    'PHPSESSID', 'JSESSIONID', 'pin', 'pinCode', 'otp', 'otp_code', 'totp', 'cvv', 'cvv2', 'cvc',
    'ssn', 'userSSN', 'iban', 'card_number', 'creditCard', 'signature', 'x-hub-signature-256',
    'recovery_codes', 'user[password]', 'x-shopify-hmac-sha256', 'Authentication', 'license_key',
  ])('filters %p', (key) => {
    expect(isSensitive(key)).toBe(true);
  });

  it.each([
    'author', 'authority', 'authored_by', 'unauthorized', 'oauth_provider', 'tokenizer', 'token_count',
    'token_type', 'max_tokens', 'input_tokens', 'gen_ai.usage.output_tokens', 'keyboard_layout',
    'passage', 'page', 'session_count', 'password_length', 'pin_required', 'pinned', 'spinner',
    'compass', 'bypass', 'description', 'monkey', 'keyword', 'hotkey', 'key', 'csv', 'assid', 'side',
    'inside', 'id', 'user_id', 'email', 'username', 'url', 'http.query', 'status_code', 'trace_id',
    'span_id', 'authenticated', 'www-authenticate', '', '---',
  ])('keeps %p', (key) => {
    expect(isSensitive(key)).toBe(false);
  });

  it('returns the same decision from the cache', () => {
    expect([isSensitive('refreshToken'), isSensitive('refreshToken')]).toEqual([true, true]);
    expect([isSensitive('author'), isSensitive('author')]).toEqual([false, false]);
  });

  it('decides very long keys too (they are not cached)', () => {
    expect(isSensitive(`${'x'.repeat(10_000)}_password`)).toBe(true);
    expect(isSensitive(`${'x'.repeat(10_000)}_password`)).toBe(true);
    expect(isSensitive('y'.repeat(10_000))).toBe(false);
  });

  it('stays correct when more distinct keys are seen than the cache holds', () => {
    for (let index = 0; index < 10_000; index++) isSensitive(`field_${index}`);
    expect(isSensitive('password')).toBe(true);
    expect(isSensitive('field_3')).toBe(false);
  });
});

describe('createKeyMatcher (options)', () => {
  it('adds extra string keys, normalized and matched as substrings', () => {
    const isSensitive = createKeyMatcher({ extraKeys: ['Tenant-Secret-Ref', 'dob'] });
    expect(isSensitive('tenantSecretRef')).toBe(true);
    expect(isSensitive('customer_dob')).toBe(true);
    expect(isSensitive('dog')).toBe(false);
  });

  it('tests extra RegExps against the normalized key, without global state', () => {
    const isSensitive = createKeyMatcher({ extraKeys: [/^internal.*id$/g] });
    expect(isSensitive('Internal_Customer_ID')).toBe(true);
    expect(isSensitive('internalRefId')).toBe(true);
    expect(isSensitive('internal_name')).toBe(false);
  });

  it('never filters allowed keys, even built-in sensitive ones', () => {
    const isSensitive = createKeyMatcher({ allowKeys: ['csrf_token', 'session'] });
    expect(isSensitive('csrfToken')).toBe(false);
    expect(isSensitive('Session')).toBe(false);
    expect(isSensitive('session_id')).toBe(true);
  });

  it('ignores extra keys that normalize to nothing', () => {
    const isSensitive = createKeyMatcher({ extraKeys: ['--'] });
    expect(isSensitive('anything')).toBe(false);
  });
});
