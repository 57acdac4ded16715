import fc from 'fast-check';
import { createScrubEngine } from './scrub-engine';
import { createKeyMatcher } from './sensitive-keys';

const F = '[Filtered]';
const RUNS = { numRuns: 300 };
const on = createKeyMatcher();
/** Without the personal-data rules these keys are not sensitive: the rule is what masks them. */
const off = createKeyMatcher({ personalData: false });

/** Keys that name personal data, as words (each drawn in any naming style below). */
const PERSONAL_KEYS: readonly (readonly string[])[] = [
  ['dob'], ['date', 'of', 'birth'], ['birth', 'date'], ['birthdate'], ['birthday'],
  ['phone'], ['phone', 'number'], ['mobile'], ['contact', 'mobile'], ['telephone'], ['fax'], ['msisdn'],
  ['address'], ['street'], ['billing', 'address'], ['house', 'number'], ['postcode'], ['postal', 'code'], ['zip'], ['zip', 'code'],
  ['first', 'name'], ['last', 'name'], ['full', 'name'], ['surname'], ['given', 'name'], ['maiden', 'name'],
  ['iban'], ['ssn'], ['national', 'id'], ['tax', 'id'], ['passport'], ['passport', 'number'], ['driver', 'license'],
  ['email', 'address'], ['ip'], ['ip', 'address'], ['client', 'ip'], ['remote', 'addr'], ['forwarded', 'for'],
];

/** Personal data that the secrets rules mask too: off or on, these keys are sensitive. */
const SECRETS_ALREADY: ReadonlySet<string> = new Set(['iban', 'ssn']);

/** What the SDK and OpenTelemetry name a client's address in span data and request env. */
const SDK_CLIENT_ADDRESS_KEYS = [
  'client.address', 'network.peer.address', 'net.peer.ip', 'net.sock.peer_addr', 'http.client_ip', 'user.ip_address',
  'REMOTE_ADDR', 'http.request.header.x_forwarded_for', 'http.request.header.x-real-ip',
];

type Style = (words: readonly string[]) => string;
const STYLES: readonly Style[] = [
  (words) => words.join('_'),
  (words) => words.join('-'),
  (words) => words.join('.'),
  (words) => words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join(''),
  (words) => words.map((word) => word[0].toUpperCase() + word.slice(1)).join(''),
  (words) => words.join('_').toUpperCase(),
];
const styleArb = fc.constantFrom(...STYLES);
/** A harmless word in front (`customer_phone`, `shippingStreet`): the key still names the data. */
const qualifierArb = fc.constantFrom<readonly string[]>([], ['customer'], ['shipping'], ['user'], ['contact'], ['patient']);

describe('keys that name personal data', () => {
  it('are sensitive in every naming style and behind a qualifier, and only with the rule on', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERSONAL_KEYS), qualifierArb, styleArb, (words, qualifier, style) => {
        const key = style([...qualifier, ...words]);
        expect({ key, sensitive: on(key) }).toEqual({ key, sensitive: true });
        if (!SECRETS_ALREADY.has(words.join(' '))) expect({ key, sensitive: off(key) }).toEqual({ key, sensitive: false });
      }),
      RUNS,
    );
  });

  it.each(SDK_CLIENT_ADDRESS_KEYS)('%s (the SDK\'s client address) is sensitive, even for a loopback value', (key) => {
    const engine = createScrubEngine();
    expect(engine.scrubDeep({ [key]: '127.0.0.1', 'server.address': 'api.internal' })).toEqual({ [key]: F, 'server.address': 'api.internal' });
    expect(createScrubEngine({ personalData: false }).scrubDeep({ [key]: '127.0.0.1' })).toEqual({ [key]: '127.0.0.1' });
  });

  it('masks request.env.REMOTE_ADDR and keeps the rest of env', () => {
    expect(createScrubEngine().scrubDeep({ env: { REMOTE_ADDR: '203.0.113.50', SERVER_NAME: 'api-1', NODE_ENV: 'production' } })).toEqual({
      env: { REMOTE_ADDR: F, SERVER_NAME: 'api-1', NODE_ENV: 'production' },
    });
  });
});

describe('keys that only look like personal data', () => {
  /** Machines, metadata about the data, and words that merely contain a personal word. */
  const HARMLESS: readonly (readonly string[])[] = [
    ['server', 'address'], ['network', 'local', 'address'], ['net', 'host', 'ip'], ['mac', 'address'], ['memory', 'address'],
    ['address', 'id'], ['address', 'type'], ['phone', 'verified'], ['phone', 'country'], ['ip', 'version'], ['email', 'verified'],
    ['telemetry'], ['zipper'], ['smartphone'], ['mobile', 'app'], ['name'], ['username'], ['email'], ['token', 'type'],
    ['status', 'code'], ['duration', 'ms'], ['order', 'number'], ['first', 'seen'], ['last', 'modified'],
  ];

  it('stay readable in every naming style', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HARMLESS), styleArb, (words, style) => {
        const key = style(words);
        expect({ key, sensitive: on(key) }).toEqual({ key, sensitive: false });
      }),
      RUNS,
    );
  });

  it('keep their values: token_type "Bearer", status codes, durations', () => {
    const value = { token_type: 'Bearer', status_code: 503, duration_ms: 1234, 'server.address': 'db.internal', address_type: 'billing' };
    expect(createScrubEngine().scrubDeep(value)).toEqual(value);
  });
});
