import { scrubRequestBody } from './request-body';
import { createScrubEngine } from './scrub-engine';

const engine = createScrubEngine();
const F = '[Filtered]';

/** A JSON body cut the way the SDK cuts it (10 000 characters, then `...`): it no longer parses. */
function cut(body: string, at = 10_000): string {
  return `${body.slice(0, at)}...`;
}

describe('truncated JSON bodies: sensitive keys whose value is an object or array', () => {
  const filler = 'ipsum '.repeat(1_600);

  it('filters an object value, nested objects and strings with brackets included', () => {
    const body = cut(JSON.stringify({
      note: filler,
      signingCredentials: { kid: 'k7', material: 'Pz8-unique-9931', extra: { salt: 'a}b]' } },
      carrier: 'ups',
      tail: 'x'.repeat(5_000),
    }));
    const scrubbed = scrubRequestBody(body, engine) as string;
    expect(scrubbed).toContain(`"signingCredentials":${F},"carrier":"ups"`);
    expect(scrubbed).not.toContain('Pz8-unique-9931');
    expect(scrubbed).not.toContain('a}b]');
  });

  it('filters an array value, and an object cut before it closes', () => {
    const arrayBody = cut(JSON.stringify({ note: filler, recovery_codes: ['rc-4410-aa', 'rc-9921-bb'], page: 2, tail: 'y'.repeat(5_000) }));
    const scrubbed = scrubRequestBody(arrayBody, engine) as string;
    expect(scrubbed).toContain(`"recovery_codes":${F},"page":2`);
    expect(scrubbed).not.toContain('rc-4410-aa');

    const open = `{"note":"${filler}","private_key":{"kty":"EC","d":"Qw3-unique-5512","x":"${'z'.repeat(9_000)}`;
    const cutOpen = scrubRequestBody(cut(open), engine) as string;
    expect(cutOpen).not.toContain('Qw3-unique-5512');
    expect(cutOpen.endsWith(`"private_key":${F}`)).toBe(true);
  });

  it('keeps harmless objects, escaped JSON included, and is idempotent', () => {
    const body = cut(JSON.stringify({ note: filler, shipping: { city: 'Oslo' }, payload: JSON.stringify({ secret_refs: { id: 'Lm2-unique-8040' } }), tail: 'z'.repeat(5_000) }));
    const once = scrubRequestBody(body, engine) as string;
    expect(once).toContain('"shipping":{"city":"Oslo"}');
    expect(once).not.toContain('Lm2-unique-8040');
    expect(scrubRequestBody(once, engine)).toBe(once);
  });

  it('leaves code in source lines alone (only quoted, JSON-style keys take a whole object)', () => {
    const line = 'const credentials = { user, pass: readPass() };';
    expect(engine.scrubString(line)).toBe(line);
  });
});
