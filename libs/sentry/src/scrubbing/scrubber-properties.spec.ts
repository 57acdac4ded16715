import type { Event } from '@sentry/core';
import fc from 'fast-check';
import { passesLuhn } from './card-number.util';
import { createScrubber } from './create-scrubber';
import { createScrubEngine } from './scrub-engine';

const engine = createScrubEngine();
const RUNS = { numRuns: 300 };

/** Unmistakable secret values: nothing else in the generated data can contain them. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((body) => `Zq9${body}7Xk`);

const SENSITIVE_KEYS = [
  'password', 'user_password', 'newPassword', 'X-Api-Key', 'refreshToken', 'client_secret', 'privateKey',
  'pin', 'otp', 'cvv', 'session', 'sid', 'AWS_SECRET_ACCESS_KEY', 'authorization', 'cookie', 'token',
  'code', 'sig', 'verification_code', 'smtp_password',
];
const sensitiveKeyArb = fc.constantFrom(...SENSITIVE_KEYS);
const harmlessKeyArb = fc.constantFrom('id', 'name', 'author', 'page', 'items', 'status', 'max_tokens', 'note', 'url');

/** Card numbers with a real prefix and a valid Luhn digit. */
const cardArb = fc
  .tuple(fc.constantFrom('4', '51', '55', '2221', '34', '37', '6011', '65', '3530', '36'), fc.stringMatching(/^\d{14}$/))
  .map(([prefix, digits]) => {
    const body = (prefix + digits).slice(0, 15);
    const check = [...'0123456789'].find((digit) => passesLuhn(body + digit)) ?? '0';
    return body + check;
  });

/** A secret embedded in a string the way it shows up in logs, URLs, headers and code. */
const embeddedSecretArb = fc.oneof(
  secretArb.map((secret) => ({ secret, text: `Bearer ${secret}` })),
  fc.tuple(sensitiveKeyArb, secretArb).map(([key, secret]) => ({ secret, text: `${key}=${secret}` })),
  fc.tuple(sensitiveKeyArb, secretArb).map(([key, secret]) => ({ secret, text: `"${key}": "${secret}"` })),
  fc.tuple(sensitiveKeyArb, secretArb).map(([key, secret]) => ({ secret, text: `const ${key} = '${secret}';` })),
  secretArb.map((secret) => ({ secret, text: `https://api.example.com/cb?page=2&access_token=${secret}` })),
  secretArb.map((secret) => ({ secret, text: `postgres://app:${secret}@db.internal:5432/app` })),
  secretArb.map((secret) => ({ secret, text: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI${secret}.${secret}` })),
  fc.stringMatching(/^[A-Z0-9]{16}$/).map((body) => ({ secret: body, text: `AKIA${body}` })),
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((body) => ({ secret: body, text: `ghp_${body}` })),
  fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((body) => ({ secret: body, text: `sk_live_${body}` })),
  fc.stringMatching(/^[A-Za-z0-9_-]{35}$/).map((body) => ({ secret: body, text: `AIza${body}` })),
  // Issue 17: vendor formats, JWE, any auth scheme after an authorization key.
  fc.stringMatching(/^[A-Za-z0-9]{40}$/).map((body) => ({ secret: body, text: `sk-proj-${body}` })),
  fc.stringMatching(/^[A-Za-z0-9]{32}$/).map((body) => ({ secret: body, text: `whsec_${body}` })),
  fc.stringMatching(/^[A-Za-z0-9]{20}$/).map((body) => ({ secret: body, text: `glpat-${body}` })),
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((body) => ({ secret: body, text: `npm_${body}` })),
  secretArb.map((secret) => ({ secret, text: `eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..${secret}.${secret}.${secret}` })),
  fc.tuple(fc.constantFrom('Token', 'SSWS', 'Bot', 'Digest'), secretArb).map(([scheme, secret]) => ({ secret, text: `Authorization: ${scheme} ${secret}` })),
  cardArb.map((card) => ({ secret: card, text: card.replace(/(\d{4})(?=\d)/g, '$1 ') })),
  cardArb.map((card) => ({ secret: card, text: card })),
  fc.tuple(fc.integer({ min: 1, max: 665 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })).map(
    ([area, group, serial]) => {
      const ssn = `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
      return { secret: ssn, text: ssn };
    },
  ),
);

/** Ordinary text around an embedded secret, separated by a space as in real messages. */
const sentenceArb = fc
  .tuple(fc.string({ maxLength: 30 }), embeddedSecretArb, fc.string({ maxLength: 30 }))
  .map(([before, { secret, text }, after]) => ({ secret, text: `${before} ${text} ${after}` }));

interface Planted {
  value: unknown;
  secrets: string[];
}

/** Random JSON-like trees in which some keys are sensitive (holding secrets) and some strings embed secrets. */
const plantedTreeArb: fc.Arbitrary<Planted> = fc.letrec<{ node: Planted }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((value) => ({ value, secrets: [] })),
    sentenceArb.map(({ secret, text }) => ({ value: text, secrets: [secret] })),
    // Issue 17: secrets named by a sibling (name/value pairs, JWK private members).
    fc.tuple(sensitiveKeyArb, secretArb).map(([name, secret]) => ({ value: { name, value: secret }, secrets: [secret] })),
    secretArb.map((secret) => ({ value: { kty: 'RSA', n: 'modulus', e: 'AQAB', d: secret, qi: secret }, secrets: [secret] })),
    fc.array(tie('node'), { maxLength: 4 }).map((items) => ({
      value: items.map((item) => item.value),
      secrets: items.flatMap((item) => item.secrets),
    })),
    fc
      .array(
        fc.oneof(
          fc.tuple(harmlessKeyArb, tie('node')),
          fc.tuple(sensitiveKeyArb, fc.oneof(secretArb.map((secret) => ({ value: secret, secrets: [secret] })), tie('node'))),
        ),
        { maxLength: 5 },
      )
      .map((entries) => ({
        value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])),
        secrets: entries.flatMap(([, item]) => item.secrets),
      })),
  ),
})).node;

/** Fragments that interact: keys, separators, quotes, schemes, digits, the replacement itself. */
const nastyStringArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'password', 'token', 'api_key', 'note', '=', ':', ': ', '==', '"', "'", '`', '\\"', ' ', '\n', '&', '?', '#',
        'Bearer ', 'Basic ', 'bearer', 'Token ', 'SSWS ', '{', '}', 'sk-proj-', 'whsec_', 'code', 'sig', '%s', '--', '\r\n',
        'name="password"', 'REDACTED VALUE', '***', '<redacted>', 'https://', 'u:', '@', '/', '-----BEGIN PRIVATE KEY-----',
        '-----END PRIVATE KEY-----', 'eyJ', '.', 'AKIA', 'ghp_', '4111', '1111', ' ', '-', '123-45-6789',
        '[Filtered]', '[', ']', 'null', 'await', '(', ')', ',', ';', 'x',
      ),
      fc.stringMatching(/^[A-Za-z0-9]{1,20}$/),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('scrubbing properties', () => {
  it('never leaks a secret planted under a sensitive key or embedded in a string', () => {
    fc.assert(
      fc.property(plantedTreeArb, ({ value, secrets }) => {
        const serialized = JSON.stringify(engine.scrubDeep(value)) ?? '';
        return secrets.every((secret) => !serialized.includes(secret));
      }),
      RUNS,
    );
  });

  it('never leaks a secret embedded anywhere in an event', () => {
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 8, maxLength: 8 }), (sentences) => {
        const [message, exception, crumb, header, query, body, tag, line] = sentences.map(({ text }) => text);
        const event: Event = {
          message,
          exception: { values: [{ value: exception, stacktrace: { frames: [{ context_line: line }] } }] },
          breadcrumbs: [{ message: crumb, data: { url: query } }],
          request: { headers: { 'x-note': header }, query_string: query, data: JSON.stringify({ note: body }) },
          tags: { note: tag },
        };
        const serialized = JSON.stringify(createScrubber().scrubEvent(event));
        return sentences.every(({ secret }) => !serialized.includes(secret));
      }),
      RUNS,
    );
  });

  it('never leaks a secret from a cut JSON body (object values) or a multipart body', () => {
    fc.assert(
      fc.property(plantedTreeArb, sensitiveKeyArb, secretArb, fc.nat({ max: 40 }), ({ value, secrets }, key, secret, cutAt) => {
        const json = JSON.stringify({ note: 'x'.repeat(50), [key]: { inner: secret, tree: value } });
        const cut = `${json.slice(0, json.indexOf(secret) + secret.length + cutAt)}...`;
        const multipart = `--bNd7\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${secret}\r\n--bNd7--\r\n`;
        const serialized = [cut, multipart].map((data) => JSON.stringify(createScrubber().scrubEvent({ request: { data } } as Event)));
        return serialized.every((text) => [secret, ...secrets].every((planted) => !text.includes(planted)));
      }),
      RUNS,
    );
  });

  it('is idempotent on random trees', () => {
    fc.assert(
      fc.property(plantedTreeArb, ({ value }) => {
        const once = engine.scrubDeep(value);
        expect(engine.scrubDeep(once)).toEqual(once);
      }),
      RUNS,
    );
  });

  it.each(['[Filtered]', 'REDACTED VALUE', '***', '<redacted>'])(
    'is idempotent on strings made of interacting fragments (replacement %p)',
    (replacement) => {
      const { scrubString } = createScrubEngine({ replacement });
      fc.assert(
        fc.property(nastyStringArb, (text) => {
          const once = scrubString(text);
          expect(scrubString(once)).toBe(once);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('is idempotent on whole events, request bodies included', () => {
    fc.assert(
      fc.property(plantedTreeArb, nastyStringArb, ({ value }, text) => {
        const build = (): Event => ({
          message: text,
          extra: { value },
          request: { data: JSON.stringify(value) ?? text, query_string: text, headers: { cookie: text } },
        });
        const once = JSON.stringify(createScrubber().scrubEvent(build()));
        const twice = JSON.stringify(createScrubber().scrubEvent(JSON.parse(once) as Event));
        expect(twice).toBe(once);
      }),
      RUNS,
    );
  });

  it('survives random cycles and returns serializable output', () => {
    fc.assert(
      fc.property(plantedTreeArb, fc.array(fc.nat(), { maxLength: 6 }), ({ value }, links) => {
        const objects: Array<Record<string, unknown>> = [];
        const collect = (node: unknown): void => {
          if (typeof node !== 'object' || node === null) return;
          objects.push(node as Record<string, unknown>);
          Object.values(node).forEach(collect);
        };
        collect(value);
        links.forEach((link, index) => {
          if (objects.length > 0) objects[link % objects.length][`loop${index}`] = objects[(link * 7) % objects.length];
        });
        expect(() => JSON.stringify(engine.scrubDeep(value))).not.toThrow();
      }),
      RUNS,
    );
  });

  it('drops the risky part and counts the failure wherever a hostile value is planted', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const locations: Array<(event: Event) => void> = [
      (event) => { event.extra = { bad: proxy }; },
      (event) => { event.request = { data: proxy, url: 'https://x/?token=abc' }; },
      (event) => { event.breadcrumbs = [{ message: 'ok', data: { bad: proxy } }]; },
      (event) => { event.contexts = { tenant: proxy as Record<string, unknown> }; },
      (event) => { event.exception = { values: [{ stacktrace: { frames: [{ vars: { bad: proxy } }] } }] }; },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...locations), sentenceArb, (plant, { secret, text }) => {
        const scrubber = createScrubber();
        const event: Event = { message: text };
        plant(event);
        const result = scrubber.scrubEvent(event);
        expect(scrubber.failures).toBe(1);
        expect(result?.message).toBe(engine.scrubString(text));
        expect(JSON.stringify(result)).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
  });
});

// Outputs only: the work itself is counted in scrub-limits.spec.ts, regex shapes are checked in
// linear-regexes.spec.ts, and run time on growing input is measured by bench/scrubber.bench.ts.
describe('bounded work', () => {
  const scrubber = createScrubber();

  it('handles 10 000-deep nesting in objects and in a JSON body', () => {
    let deep: Record<string, unknown> = { password: 'x' };
    for (let level = 0; level < 10_000; level++) deep = { child: deep };
    const body = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const event = scrubber.scrubEvent<Event>({ extra: { deep }, request: { data: body } });
    expect(JSON.stringify(event).length).toBeLessThan(2_000);
  });

  it('handles a 50 MB string in a message, a body and extra', () => {
    const huge = `token=abc ${'x'.repeat(50 * 1024 * 1024)}`;
    const event = scrubber.scrubEvent<Event>({ message: huge, request: { data: huge }, extra: { huge } });
    expect(event?.message?.startsWith('token=[Filtered] ')).toBe(true);
    expect(JSON.stringify(event).length).toBeLessThan(400_000);
  });
});
