import fc from 'fast-check';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';

const F = '[Filtered]';
const { scrubString } = createScrubEngine();

describe('percent- and plus-encoded query and form values', () => {
  it.each([
    ['a URL with a password inside a query value', 'https://app.test/login?next=https%3A%2F%2Fsso%3Ahunter2%40idp.test%2Fcb&page=2',
      `https://app.test/login?next=https%3A%2F%2Fsso%3A${F}%40idp.test%2Fcb&page=2`],
    ['a bare query string', 'next=redis%3A%2F%2F%3Ap4ss%40cache%3A6379&page=2', `next=redis%3A%2F%2F%3A${F}%40cache%3A6379&page=2`],
    ['a card with encoded spaces', 'note=card%204111%201111%201111%201111&x=1', `note=card%20${F}&x=1`],
    ['a card with plus-encoded spaces', '/pay?note=card+4111+1111+1111+1111', `/pay?note=card%20${F}`],
    ['an encoded Bearer credential', 'GET /x?h=Bearer%20abc.DEF-123_xyz', `GET /x?h=Bearer%20${F}`],
    ['an encoded JSON value', 'state=%7B%22password%22%3A%22hunter2%22%7D', `state=%7B%22password%22%3A%22${F}%22%7D`],
    ['an encoded pair after a space', 'redirecting to next=https%3A%2F%2Fu%3Apw1%40h', `redirecting to next=https%3A%2F%2Fu%3A${F}%40h`],
  ])('%s', (_name, input, expected) => {
    expect(scrubString(input)).toBe(expected);
    expect(scrubString(expected)).toBe(expected);
  });

  it.each([
    ['an encoded harmless URL', 'https://app.test/?next=https%3A%2F%2Fidp.test%2Fcb%3Fa%3D1&page=2'],
    ['a URL with a user and no password', 'next=https%3A%2F%2Fdeploy%40git.test%2Frepo'],
    ['base64 with plus signs', 'blob=ab+cd/ef+gh==&page=2'],
    ['16 digits failing Luhn', 'ref=4111+1111+1111+1112'],
    ['malformed escapes', 'q=100%zz+off&next=%E0%A4%A'],
    ['a percentage', 'discount=50%25'],
  ])('keeps %s byte for byte', (_name, input) => {
    expect(scrubString(input)).toBe(input);
  });

  it('keeps a replacement that needs escaping escaped, and stays idempotent', () => {
    const { scrubString: custom } = createScrubEngine({ replacement: 'REDACTED VALUE' });
    const once = custom('next=https%3A%2F%2Fu%3Apw1%40h&page=2');
    expect(once).toBe('next=https%3A%2F%2Fu%3AREDACTED%20VALUE%40h&page=2');
    expect(custom(once)).toBe(once);
  });

  it('scrubs the request URL and query string the SDK sends', () => {
    const event = createScrubber().scrubEvent({
      request: { url: 'http://127.0.0.1/cb?next=https%3A%2F%2Fu%3Apw1%40idp', query_string: 'next=https%3A%2F%2Fu%3Apw1%40idp' },
    });
    expect(event?.request).toEqual({
      url: `http://127.0.0.1/cb?next=https%3A%2F%2Fu%3A${F}%40idp`,
      query_string: `next=https%3A%2F%2Fu%3A${F}%40idp`,
    });
  });

  const encodedFragmentArb = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '%3A', '%2F', '%40', '%20', '%25', '%3D', '%26', '%22', '%7B', '%', '+', '=', '&', '?', '#', ' ', 'next', 'token',
          'https', 'u', 'pw', '4111', '1111', 'Bearer', '[Filtered]', 'REDACTED VALUE', '***', '%E0%A4', ':', '@', '//',
        ),
        fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it.each(['[Filtered]', 'REDACTED VALUE', '***', '<redacted>'])('is idempotent on encoded fragments (replacement %p)', (replacement) => {
    const { scrubString: custom } = createScrubEngine({ replacement });
    fc.assert(
      fc.property(encodedFragmentArb, (text) => {
        const once = custom(text);
        expect(custom(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
