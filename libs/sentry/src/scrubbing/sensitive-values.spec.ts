import { isCardNumber, passesLuhn } from './card-number.util';
import { MAX_SCANNED_STRING_LENGTH, TRUNCATION_MARK } from './scrubbing.constants';
import { createKeyMatcher } from './sensitive-keys';
import { createStringScrubber } from './sensitive-values';

const F = '[Filtered]';
const scrub = createStringScrubber(createKeyMatcher(), F);

const GITHUB_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

/** [pattern, input, expected output]. */
const POSITIVES: Array<[string, string, string]> = [
  ['PEM block', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----\nnext',
    `-----BEGIN RSA PRIVATE KEY-----${F}-----END RSA PRIVATE KEY-----\nnext`],
  ['truncated PEM block', 'key: -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXkt',
    `key: -----BEGIN OPENSSH PRIVATE KEY-----${F}`],
  ['Bearer token', 'sent Bearer abc.DEF-123_xyz to upstream', `sent Bearer ${F} to upstream`],
  ['lower-case bearer', 'bearer Zm9vYmFyYmF6cXV4MTIz', `bearer ${F}`],
  ['Basic credentials', 'header Basic dXNlcjpwYXNzd29yZA== end', `header Basic ${F} end`],
  ['JWT', `token was ${JWT}.`, `token was ${F}.`],
  ['AWS access key id', 'id AKIAIOSFODNN7EXAMPLE used', `id ${F} used`],
  ['AWS session key id', 'ASIAY34FZKBOKMUTVV7A', F],
  ['AWS secret (key=value)', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    `aws_secret_access_key = ${F}`],
  ['GitHub token', `using ${GITHUB_TOKEN} now`, `using ${F} now`],
  ['GitHub fine-grained token', `github_pat_${'11ABCDEFG0'.repeat(4)}_x`, F],
  ['Stripe secret key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', F],
  ['Stripe restricted key', 'rk_live_4eC39HqLyjWDarjtT1zdp7dc', F],
  ['Stripe test key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', F],
  ['Slack token', 'xoxb-2381234567-abcdefghijklmnop', F],
  ['Google API key', 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe!', `${F}!`],
  ['URL password', 'postgres://admin:s3cr3t@db.internal:5432/app', `postgres://admin:${F}@db.internal:5432/app`],
  ['URL password with @', 'redis://:p@ss@cache:6379', `redis://:${F}@cache:6379`],
  ['query parameter', 'GET /items?token=abc123&page=2', `GET /items?token=${F}&page=2`],
  ['fragment parameter', 'https://app/cb#access_token=abc&state=1', `https://app/cb#access_token=${F}&state=1`],
  ['bare query string', 'api_key=abc&page=2', `api_key=${F}&page=2`],
  ['key=value in a log line', 'login user=bob password=hunter2 ok', `login user=bob password=${F} ok`],
  ['key: value', 'Authorization: Token abc123', `Authorization: ${F}`],
  ['"key": "value"', '{"user":"bob","password":"hunter2"}', `{"user":"bob","password":"${F}"}`],
  ['truncated JSON', '{"user":"bob","secret":"abc...', `{"user":"bob","secret":"${F}`],
  ['escaped JSON in JSON', '{\\"password\\":\\"abc\\"}', `{\\"password\\":\\"${F}\\"}`],
  ['source line', "const password = 'hunter2';", `const password = '${F}';`],
  ['comparison', 'if (otp === "123456") {', `if (otp === "${F}") {`],
  ['PHP or Ruby hash', "['password' => 'hunter2']", `['password' => '${F}']`],
  ['connection string', 'Server=db;User Id=sa;Password=s3cr3t;Encrypt=true', `Server=db;User Id=sa;Password=${F};Encrypt=true`],
  ['cookie header line', 'Cookie: theme=dark; session=abc', `Cookie: ${F}; session=${F}`],
  ['CLI flag', '--db-password=abc --port=5432', `--db-password=${F} --port=5432`],
  ['nested in a harmless value', 'note: password=x', `note: password=${F}`],
  // Found by planted-secrets-properties.spec.ts: the first key's value is the second key.
  ['a sensitive key as the value of another', 'retry session: password: Vq7-orchid-41 now', `retry session: password: ${F} now`],
  ['a sensitive key as the value of a personal one', 'client_ip: api_key: Nw2-lantern-8', `client_ip: api_key: ${F}`],
  ['inside a code expression', "session = await login(password='x')", `session = await login(password='${F}')`],
  ['Visa', 'card 4111 1111 1111 1111 ok', `card ${F} ok`],
  ['Mastercard 2-series', '2223000048400011', F],
  ['Mastercard', '5555-5555-5555-4444', F],
  ['Amex', '3782 822463 10005', F],
  ['Discover', '6011111111111117', F],
  ['JCB', '3530111333300000', F],
  ['Diners', '30569309025904', F],
  ['Visa after a quantity', 'qty 1 4111 1111 1111 1111', `qty 1 ${F}`],
  ['Visa after many digit groups', '7 7 7 7 7 7 7 7 7 7 7 7 7 7 7 4111 1111 1111 1111 x', `7 7 7 7 7 7 7 7 7 7 7 7 7 7 7 ${F} x`],
  ['overlapping card readings', '1 2 3 4 5 4111 1111 1111 1111 x', `1 2 ${F} x`],
  ['two adjacent cards, filtered as one span', '4111111111111111 5555555555554444', F],
  ['SSN', 'ssn 123-45-6789.', `ssn ${F}.`],
];

/** Look-alikes that must survive unchanged. */
const NEAR_MISSES: Array<[string, string]> = [
  ['public key block', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----'],
  ['certificate', '-----BEGIN CERTIFICATE-----\nMIIB'],
  ['"basic" in prose', 'basic information is missing'],
  ['"bearer" in prose', 'the bearer of bad news'],
  ['Basic with non-credentials', 'Basic Authentication'],
  ['Bearer with a short word', 'Bearer null'],
  ['JWT-like with one part', 'eyJhbGciOiJIUzI1NiJ9 only'],
  ['AKIA too short', 'AKIA1234'],
  ['other AWS settings', 'aws_region = us-east-1, aws_access_key_count: 2'],
  ['GitHub prefix only', 'ghp_short'],
  ['Stripe publishable key', 'pk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ['Slack-ish word', 'xoxo hugs'],
  ['Google key too short', 'AIzaShort'],
  ['URL with user, no password', 'https://user@example.com/path'],
  ['URL with port', 'https://example.com:8443/a?email=a@b.co'],
  ['harmless query', 'GET /items?page=2&sort=desc'],
  ['harmless pairs', 'status=ok, retries: 3, author=jane, max_tokens=256'],
  ['already filtered pair', `password=${F}`],
  ['null value', '{"password":null,"token":""}'],
  ['code assigned to a sensitive name', 'const session = await this.connect(url);'],
  ['call assigned to a sensitive name', 'token = readToken(path)'],
  ['16 digits failing Luhn', 'order 4111111111111112'],
  ['Luhn without card prefix', '1234567812345670'],
  ['order id', 'ORD-2024-000123456'],
  ['UUID', '550e8400-e29b-41d4-a716-446655440000'],
  ['ISO timestamp', '2024-01-15T10:30:00.000Z'],
  ['epoch millis', '1700000000000'],
  ['phone', '+1 (415) 555-0123'],
  ['hex id', 'deadbeef4111111111111111cafe'],
  ['card digits glued to letters', '4111111111111111abc'],
  ['20 digits', '41111111111111111111'],
  ['SSN area 000', '000-12-3456'],
  ['SSN area 666', '666-12-3456'],
  ['SSN area 9xx', '912-12-3456'],
  ['SKU with SSN shape', 'AB-123-45-6789-Z'],
  ['date', '2024-01-15'],
  ['ordinary text', 'User 42 could not be found: check the id and try again.'],
];

describe('value patterns', () => {
  it.each(POSITIVES)('%s: filtered', (_name, input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  it.each(POSITIVES)('%s: idempotent', (_name, input) => {
    const once = scrub(input);
    expect(scrub(once)).toBe(once);
  });

  it.each(NEAR_MISSES)('%s: unchanged', (_name, input) => {
    expect(scrub(input)).toBe(input);
  });

  it('leaves very short strings alone', () => {
    expect(scrub('pin')).toBe('pin');
  });
});

describe('card number checks', () => {
  it.each(['4111111111111111', '378282246310005', '6011111111111117'])('%s passes Luhn', (digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it('rejects a wrong check digit, a bad prefix and a bad length', () => {
    expect(isCardNumber('4111111111111112')).toBe(false);
    expect(isCardNumber('9111111111111111')).toBe(false);
    expect(isCardNumber('411111111111')).toBe(false);
    expect(isCardNumber('4111111111111111')).toBe(true);
  });
});

describe('options and bounds', () => {
  it('applies extra patterns, global or not, with a literal replacement', () => {
    const custom = createStringScrubber(createKeyMatcher(), '$&-gone', [/EMP-\d{4}/, /tenant-[a-z]+/g]);
    expect(custom('EMP-1234 and EMP-5678 of tenant-acme')).toBe('$&-gone and $&-gone of $&-gone');
  });

  it('uses the configured replacement text', () => {
    const custom = createStringScrubber(createKeyMatcher(), '***');
    expect(custom('password=abc token=***')).toBe('password=*** token=***');
  });

  it('cuts huge strings, scans the kept head, and is idempotent', () => {
    const huge = `password=hunter2 ${'x'.repeat(MAX_SCANNED_STRING_LENGTH * 3)}`;
    const once = scrub(huge);
    expect(once.startsWith(`password=${F} `)).toBe(true);
    expect(once.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(once.length).toBeLessThanOrEqual(MAX_SCANNED_STRING_LENGTH + 2 * F.length + TRUNCATION_MARK.length);
    expect(scrub(once)).toBe(once);
  });

  it('does not split a surrogate pair when cutting', () => {
    const huge = `${'a'.repeat(MAX_SCANNED_STRING_LENGTH - 1)}😀${'b'.repeat(10)}`;
    expect(scrub(huge)).toBe(`${'a'.repeat(MAX_SCANNED_STRING_LENGTH - 1)}${TRUNCATION_MARK}`);
  });
});
