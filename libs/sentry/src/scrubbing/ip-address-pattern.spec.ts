import { isIPv4, isIPv6 } from 'node:net';
import fc from 'fast-check';
import { createScrubEngine } from './scrub-engine';

const F = '[Filtered]';
const RUNS = { numRuns: 300 };
const on = createScrubEngine();
/** The same engine without the personal-data rules: each planted value must then survive, so the rule is what removes it. */
const off = createScrubEngine({ personalData: false });

const octet = fc.integer({ min: 0, max: 255 });
/** Any IPv4 address that names a machine somewhere else: not loopback (127/8), not 0.0.0.0. */
const ipv4Arb = fc
  .tuple(fc.integer({ min: 1, max: 254 }).filter((first) => first !== 127), octet, octet, octet)
  .map((octets) => octets.join('.'));

const hexGroup = fc.integer({ min: 0, max: 0xffff }).map((group) => group.toString(16));
/** Global unicast (2000::/3, so it holds a digit), full or with one run of groups compressed to `::`, any case. */
const ipv6Arb = fc
  .tuple(fc.integer({ min: 0x2000, max: 0x3fff }), fc.array(hexGroup, { minLength: 7, maxLength: 7 }), fc.nat(7), fc.nat(7), fc.boolean())
  .map(([first, rest, from, length, upper]) => {
    const groups = [first.toString(16), ...rest];
    const start = Math.max(1, from);
    const text = length < 2 ? groups.join(':') : `${groups.slice(0, start).join(':')}::${groups.slice(Math.min(8, start + length)).join(':')}`;
    return upper ? text.toUpperCase() : text;
  })
  .filter((address) => isIPv6(address));
const mappedArb = ipv4Arb.map((ipv4) => `::ffff:${ipv4}`);
const linkLocalArb = fc.tuple(hexGroup, hexGroup, fc.constantFrom('eth0', 'en0', '2')).map(([a, b, zone]) => `fe80::${a}:${b}%${zone}`);

/** Where an address turns up: prose, pairs, URLs, brackets, header values, JSON text, log lines. */
const placeArb = fc.constantFrom<(address: string) => string>(
  (address) => `connection from ${address} refused`,
  (address) => `client=${address}`,
  (address) => `"remote": "${address}"`,
  (address) => `for=${address};proto=https`,
  (address) => `${address}, 10.0.0.1`,
  (address) => `blocked ${address}.`,
  (address) => `(${address})`,
  (address) => `/blocked/${address}`,
);

describe('IP addresses in text', () => {
  it.each([
    ['IPv4', ipv4Arb],
    ['IPv6', ipv6Arb],
    ['IPv4-mapped IPv6', mappedArb],
    ['link-local IPv6 with a zone', linkLocalArb],
  ] as const)('removes any %s address wherever it sits, and only with the rule on', (_kind, addressArb) => {
    fc.assert(
      fc.property(addressArb, placeArb, (address, place) => {
        const text = place(address);
        const scrubbed = on.scrubString(text);
        expect(scrubbed).not.toContain(address);
        expect(scrubbed).toContain(F);
        expect(off.scrubString(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('removes an address in a URL and keeps the port and path', () => {
    fc.assert(
      fc.property(ipv4Arb, ipv6Arb, fc.integer({ min: 1, max: 65_535 }), (ipv4, ipv6, port) => {
        expect(on.scrubString(`GET http://${ipv4}:${port}/health`)).toBe(`GET http://${F}:${port}/health`);
        expect(on.scrubString(`GET http://[${ipv6}]:${port}/health`)).toBe(`GET http://[${F}]:${port}/health`);
      }),
      RUNS,
    );
  });

  it('removes both ends of a range', () => {
    fc.assert(
      fc.property(ipv4Arb, ipv4Arb, (from, to) => {
        expect(on.scrubString(`allow ${from}-${to}`)).toBe(`allow ${F}-${F}`);
      }),
      RUNS,
    );
  });

  it('keeps the machine itself: loopback and the unspecified address', () => {
    fc.assert(
      fc.property(octet, octet, octet, (b, c, d) => {
        const text = `listening on 127.${b}.${c}.${d}:3000, [::1]:3000 and 0.0.0.0:80, bound to ::`;
        expect(on.scrubString(text)).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('look-alikes of IP addresses stay readable', () => {
  const keeps = (text: string): void => expect(on.scrubString(text)).toBe(text);

  it('versions marked as versions: v-prefixed, product tokens, suffixed, five parts and more', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, fc.constantFrom('Chrome', 'Edg', 'OPR', 'Version'), (a, b, c, d, product) => {
        keeps(`sdk v${a}.${b}.${c}.${d}`);
        keeps(`Mozilla/5.0 ${product}/${a}.${b}.${c}.${d} Safari/537.36`);
        keeps(`build ${a}.${b}.${c}.${d}-rc`);
        keeps(`node-${a}.${b}.${c}.${d}`);
        keeps(`oid 1.3.6.1.4.1.${a}.${b}`);
        keeps(`${a}.${b}.${c}.${d}.${a}`);
      }),
      RUNS,
    );
  });

  it('times, MAC addresses, durations, ISO timestamps, UUIDs and SHAs', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }),
        fc.array(fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0')), { minLength: 6, maxLength: 6 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.uuid(),
        fc.stringMatching(/^[0-9a-f]{40}$/),
        (h, m, s, mac, date, uuid, sha) => {
          keeps(`retry at ${two(h)}:${two(m)}:${two(s)}, took ${h}:${two(m)}.${s}`);
          keeps(`nic ${mac.join(':')}`);
          keeps(`shipped ${date.toISOString()}`);
          keeps(`request ${uuid} on commit ${sha}`);
        },
      ),
      RUNS,
    );
  });

  it('names with colons that are not addresses', () => {
    keeps('Face::add failed; see std::vector and a:b:c');
    keeps('urn:isbn:0451450523 and dead:beef');
  });
});

describe('the generators', () => {
  it('draw real addresses (a broken generator would make the properties vacuous)', () => {
    fc.assert(fc.property(ipv4Arb, (address) => isIPv4(address)), RUNS);
    fc.assert(fc.property(mappedArb, linkLocalArb, (mapped, local) => isIPv6(mapped) && isIPv6(local.split('%')[0])), RUNS);
  });
});
