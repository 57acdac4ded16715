import type { Breadcrumb, Event, Log, Metric, SpanJSON } from '@sentry/core';
import fc from 'fast-check';
import { createScrubber } from './create-scrubber';

/**
 * Personal data in every exit path: the rules live in the key matcher and the string scrubber,
 * which every hook shares; this proves each hook reaches them, with values drawn fresh each run.
 */
const RUNS = { numRuns: 60 };

interface Planted {
  ip: string;
  ipv6: string;
  email: string;
  phone: string;
  street: string;
  birthDate: string;
}

const plantedArb: fc.Arbitrary<Planted> = fc.record({
  ip: fc.tuple(fc.integer({ min: 1, max: 126 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((octets) => octets.join('.')),
  ipv6: fc.array(fc.integer({ min: 0x1000, max: 0xffff }).map((group) => group.toString(16)), { minLength: 4, maxLength: 4 }).map((groups) => `2001:db8:${groups.join(':')}::7`),
  email: fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.stringMatching(/^[a-z]{3,10}$/)).map(([local, domain]) => `${local}.pd@${domain}.example`),
  phone: fc.tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b, c]) => `+1 ${a}-${b}-${c}`),
  street: fc.stringMatching(/^[A-Z][a-z]{4,12}$/).map((name) => `${name}strasse`),
  birthDate: fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
});

/** App data holding every class: in text, under personal keys, under the SDK's own client-address keys. */
function data(p: Planted): Record<string, unknown> {
  return {
    note: `customer ${p.email} called from ${p.phone} via ${p.ip}`,
    customer: { street: p.street, dob: p.birthDate, contact: { mobile: 'see note' } },
    'client.address': p.ipv6,
    'network.peer.address': p.ip,
    'http.request.header.x_forwarded_for': [`${p.ip}, ${p.ipv6}`],
  };
}

function expectNone(value: unknown, p: Planted): void {
  const text = JSON.stringify(value);
  for (const [name, planted] of Object.entries(p)) expect({ name, leaked: text.includes(planted) }).toEqual({ name, leaked: false });
}

describe('personal data in every exit path', () => {
  it('error events: message, exception, extra, contexts, tags, breadcrumbs, request, the SDK\'s raw request', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const scrubber = createScrubber();
        const event: Event = {
          message: `signup failed for ${p.email}`,
          exception: { values: [{ type: 'Error', value: `rate limited ${p.ip} (${p.phone})` }] },
          extra: data(p),
          contexts: { customer: data(p) },
          tags: { client_ip: p.ip, region: 'eu' },
          breadcrumbs: [{ message: `GET /users?email=${encodeURIComponent(p.email)}`, data: data(p) }],
          request: {
            url: `https://api.test/users?email=${encodeURIComponent(p.email)}`,
            query_string: `phone=${encodeURIComponent(p.phone)}`,
            headers: { 'x-forwarded-for': p.ip, accept: 'application/json' },
            env: { REMOTE_ADDR: p.ip },
            data: JSON.stringify({ first_name: 'Ada', date_of_birth: p.birthDate, address: { street: p.street }, note: p.phone }),
          },
          sdkProcessingMetadata: { normalizedRequest: { url: `https://api.test/u/${encodeURIComponent(p.email)}`, headers: { 'x-real-ip': p.ip } }, ipAddress: p.ip },
        };
        const clean = scrubber.scrubEvent(event);
        expectNone(clean, p);
        expect(clean?.tags).toEqual({ client_ip: '[Filtered]', region: 'eu' });
        expect(scrubber.failures).toBe(0);
      }),
      RUNS,
    );
  });

  it('transactions, their spans and the SDK\'s server span attributes', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const span = { span_id: 'a', trace_id: 'b', start_timestamp: 0, description: `SELECT * FROM users WHERE email = '${p.email}'`, data: data(p) } as SpanJSON;
        const transaction = {
          type: 'transaction',
          transaction: `GET /users/${p.email}`,
          spans: [span],
          contexts: { trace: { trace_id: 'b', span_id: 'c', data: { ...data(p), 'server.address': 'api.internal', 'url.full': `https://api.test/?to=${encodeURIComponent(p.email)}` } } },
        } as Event;
        const clean = createScrubber().scrubTransaction(transaction);
        expectNone(clean, p);
        expect(clean?.contexts?.trace?.data).toMatchObject({ 'client.address': '[Filtered]', 'network.peer.address': '[Filtered]', 'server.address': 'api.internal' });
      }),
      RUNS,
    );
  });

  it('spans, breadcrumbs, logs and metrics on their own', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const scrubber = createScrubber();
        expectNone(scrubber.scrubSpan({ span_id: 'a', trace_id: 'b', start_timestamp: 0, description: `call ${p.phone}`, data: data(p) } as SpanJSON), p);
        expectNone(scrubber.scrubBreadcrumb({ category: 'http', message: `from ${p.ipv6}`, data: data(p) } as Breadcrumb), p);
        expectNone(scrubber.scrubLog({ level: 'info', message: `welcome mail to ${p.email}`, attributes: { ...data(p), 'user.ip_address': p.ip } } as Log), p);
        expectNone(scrubber.scrubMetric({ name: 'signup', type: 'counter', value: 1, attributes: { ...data(p), 'user.ip_address': p.ip } } as Metric), p);
        expect(scrubber.failures).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('the user the app states on purpose', () => {
  it('keeps user.id, user.email, user.username and user.name as set, drops the SDK\'s ip_address, scrubs the rest', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const user = { id: 'u-81', email: p.email, username: p.email, name: 'Ada Lovelace', ip_address: p.ip, phone: p.phone };
        expect(createScrubber().scrubEvent({ user })?.user).toEqual({ id: 'u-81', email: p.email, username: p.email, name: 'Ada Lovelace', phone: '[Filtered]' });
      }),
      RUNS,
    );
  });

  it('keeps the same user in log and metric attributes, where the SDK copies it', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const attributes = { 'user.id': 'u-81', 'user.email': p.email, 'user.name': 'Ada Lovelace', note: `cc ${p.email}` };
        const scrubber = createScrubber();
        expect(scrubber.scrubLog({ level: 'info', message: 'm', attributes } as Log)?.attributes).toEqual({ ...attributes, note: 'cc [Filtered]' });
        expect(scrubber.scrubMetric({ name: 'm', type: 'counter', value: 1, attributes } as Metric)?.attributes).toEqual({ ...attributes, note: 'cc [Filtered]' });
      }),
      RUNS,
    );
  });

  it('still removes secrets from what the app states (the personal-data exemption is not a secrets exemption)', () => {
    const user = { id: 'u-81', email: 'ada@example.com', username: 'password=hunter2-Xq9' };
    expect(createScrubber().scrubEvent({ user })?.user).toEqual({ id: 'u-81', email: 'ada@example.com', username: 'password=[Filtered]' });
  });
});

describe('scrubbing.personalData: false', () => {
  it('keeps personal data readable and still removes secrets', () => {
    fc.assert(
      fc.property(plantedArb, (p) => {
        const event: Event = {
          message: `signup failed for ${p.email} from ${p.ip} (${p.phone}), api_key=Zq9SecretValue7Xk`,
          extra: { street: p.street, dob: p.birthDate, 'client.address': p.ipv6, password: 'hunter2-Xq9' },
        };
        const clean = createScrubber({ personalData: false }).scrubEvent(event);
        expect(clean?.message).toBe(`signup failed for ${p.email} from ${p.ip} (${p.phone}), api_key=[Filtered]`);
        expect(clean?.extra).toEqual({ street: p.street, dob: p.birthDate, 'client.address': p.ipv6, password: '[Filtered]' });
      }),
      RUNS,
    );
  });
});
