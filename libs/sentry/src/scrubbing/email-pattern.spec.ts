import fc from 'fast-check';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';

const F = '[Filtered]';
const RUNS = { numRuns: 300 };
const on = createScrubEngine();
/** Without the personal-data rules each planted address must survive: the rule is what removes it. */
const off = createScrubEngine({ personalData: false });

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
/** Mailboxes as people have them: dots, plus tags, dashes, digits, subdomains, any case. */
const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[a-z]{2,8}$/),
    fc.boolean(),
  )
  .map(([local, labels, tld, upper]) => {
    const address = `${local}@${labels.join('.')}.${tld}`;
    return upper ? address.toUpperCase() : address;
  })
  .filter((address) => !address.toLowerCase().startsWith('git@'));

const placeArb = fc.constantFrom<(email: string) => string>(
  (email) => `password reset sent to ${email} at 10:02`,
  (email) => `Ada Lovelace <${email}>`,
  (email) => `mailto:${email}`,
  (email) => `{"contact":"${email}","plan":"pro"}`,
  (email) => `duplicate key (email)=(${email}) violates unique constraint`,
  (email) => `GET /users?filter=${encodeURIComponent(email)}&page=2`,
  (email) => `/users/${encodeURIComponent(email)}/orders`,
  (email) => `user:${email}`,
);

describe('email addresses in text', () => {
  it('removes any address wherever it sits, encoded or not, and only with the rule on', () => {
    fc.assert(
      fc.property(emailArb, placeArb, (email, place) => {
        const text = place(email);
        const scrubbed = on.scrubString(text);
        expect(scrubbed).not.toContain(email);
        expect(scrubbed).not.toContain(encodeURIComponent(email));
        expect(scrubbed).toContain(F);
        expect(off.scrubString(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('removes addresses from query strings and bodies of a request', () => {
    fc.assert(
      fc.property(emailArb, emailArb, (inQuery, inBody) => {
        const event = createScrubber().scrubEvent({
          request: { url: `https://api.test/invite?to=${encodeURIComponent(inQuery)}`, query_string: `to=${encodeURIComponent(inQuery)}`, data: { note: `cc ${inBody}` } },
        });
        const text = JSON.stringify(event);
        expect(text).not.toContain(inBody);
        expect(text).not.toContain(encodeURIComponent(inQuery));
      }),
      RUNS,
    );
  });
});

describe('look-alikes of email addresses stay readable', () => {
  const keeps = (text: string): void => expect(on.scrubString(text)).toBe(text);

  it('package specifiers, decorators, SSH remotes and URL users', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), fc.nat(30), label, (major, minor, patch, name) => {
        keeps(`installed ${name}@${major}.${minor}.${patch} and @nestjs/core@${major}.${minor}.${patch}`);
        keeps(`@Injectable() class ${name}Service uses @nestjs/common`);
        keeps(`git clone git@github.com:${name}/repo.git`);
        keeps(`pulled https://deploy@${name}.example.test/org/repo.git`);
      }),
      RUNS,
    );
  });
});
