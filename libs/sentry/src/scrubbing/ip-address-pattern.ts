import { BlockList, isIPv6 } from 'node:net';
import { replaceAnchored } from './anchored-match.util';
import { ValuePattern } from './value-pattern';

/**
 * Addresses that identify no one: the machine itself (loopback, also IPv4-mapped) and the
 * unspecified address. They stay readable (`listening on 127.0.0.1:3000`, `[::1]`).
 */
const KEPT_ADDRESSES = new BlockList();
KEPT_ADDRESSES.addSubnet('127.0.0.0', 8, 'ipv4');
KEPT_ADDRESSES.addAddress('0.0.0.0', 'ipv4');
KEPT_ADDRESSES.addAddress('::1', 'ipv6');
KEPT_ADDRESSES.addAddress('::', 'ipv6');

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/**
 * A dotted quad, not glued to a word or a dot on either side, nor to a dash after a letter
 * (`v1.2.3.4`, `node-1.2.3.4`, `1.2.3.4-beta`, `1.2.3.4.5` and OIDs stay; both ends of the range
 * `10.0.0.1-10.0.0.9` go), nor after a capitalised product token (`Chrome/120.0.0.0`, the
 * version every reduced Chrome user agent carries, stays; `http://203.0.113.9/` and
 * `/blocked/203.0.113.9` do not). Octets have no leading zeros. A bare 4-part version
 * (`build 1.2.3.4`) cannot be told from an address and goes: see the README.
 */
const IPV4 = new RegExp(`(?<![\\w.]|[A-Za-z_]-|[A-Z][A-Za-z]{1,30}/)${OCTET}(?:\\.${OCTET}){3}(?!\\w|-[A-Za-z_]|\\.\\d)`, 'g');
const MAYBE_IPV4 = /\d\.\d{1,3}\.\d{1,3}\.\d/;

/**
 * A whole word of hex digits, colons and dots holding a colon, with an optional zone
 * (`fe80::1%eth0`): a candidate that `isIPv6` then decides on, so times (`10:30:45`) and MAC
 * addresses stay. The match starts at the first colon (up to four hex digits before it are read
 * by the lookbehind, group 1), so that a long text is scanned for colons only. Bounded: linear.
 */
const IPV6_CANDIDATE = /(?<=(?<![\w:.%-])([0-9A-Fa-f]{0,4})):[0-9A-Fa-f:.]{1,44}(?:%[\w.-]{1,32})?(?![\w:%-])/g;
/** A hex digit or a colon on both sides of a colon; `includes` first spares most strings the regex. */
const MAYBE_IPV6 = /[0-9A-Fa-f:]:[0-9A-Fa-f:]/;
/** Every IPv6 address in use holds a digit; `Face::add` (a method in some languages) does not. */
const DIGIT = /\d/;
const TRAILING_DOTS = /\.+$/;

function isKept(address: string, family: 'ipv4' | 'ipv6'): boolean {
  return KEPT_ADDRESSES.check(address, family);
}

/** IPv6 addresses (IPv4-mapped ones too) in text; loopback and `::` stay. Runs before IPv4. */
export function createIpv6Pattern(replacement: string): ValuePattern {
  return {
    name: 'ipv6-address',
    mightMatch: (text) => text.includes(':') && MAYBE_IPV6.test(text),
    scrub: (text) =>
      replaceAnchored(text, IPV6_CANDIDATE, (candidate) => {
        // A sentence may end right after the address: the dot is not part of it.
        const address = candidate.replace(TRAILING_DOTS, '');
        const zoneless = address.split('%')[0];
        if (!DIGIT.test(address) || !isIPv6(address) || isKept(zoneless, 'ipv6')) return undefined;
        return replacement + candidate.slice(address.length);
      }),
  };
}

/** IPv4 addresses in text; loopback and `0.0.0.0` stay. */
export function createIpv4Pattern(replacement: string): ValuePattern {
  return {
    name: 'ipv4-address',
    mightMatch: (text) => MAYBE_IPV4.test(text),
    scrub: (text) => text.replace(IPV4, (address: string) => (isKept(address, 'ipv4') ? address : replacement)),
  };
}
