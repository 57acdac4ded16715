import { METADATA_SUFFIXES } from './key-metadata-suffixes';
import { NormalizedKey } from './key-normalizer.util';

/**
 * Phrases that name personal data, matched as whole consecutive words of a key, or as one glued
 * word (`date_of_birth`, `dateOfBirth` and `dateofbirth` all match `date of birth`).
 */
const PERSONAL_PHRASES: readonly string[] = [
  // Birth.
  'dob', 'date of birth', 'birth date', 'birthday', 'place of birth', 'birth place',
  // Phone.
  'phone', 'phones', 'phone number', 'telephone', 'cell phone', 'mobile phone', 'mobile number', 'mobile no', 'fax',
  'msisdn',
  // Postal address (`address` and `addr` are below: they also name machines).
  'street', 'house number', 'postcode', 'post code', 'postal code', 'zip code',
  // Names of a person (a bare `name` is everywhere, and `user.name` is set by the app on purpose).
  'first name', 'last name', 'full name', 'given name', 'family name', 'middle name', 'maiden name', 'legal name',
  'birth name', 'surname', 'forename', 'holder name', 'cardholder name', 'customer name', 'contact name',
  'recipient name', 'patient name',
  // Identity documents and accounts (`iban` and `ssn` are secrets already).
  'passport number', 'passport no', 'national id', 'national identity', 'national insurance', 'tax id', 'tax number',
  'taxpayer id', 'driver license', 'drivers license', 'driving license', 'driving licence', 'driver licence',
  'bank account',
  // Client addresses under their own names.
  'ipv4', 'ipv6', 'forwarded for', 'remote addr',
];

/** Words that name personal data only as the key's last word: `contact.mobile`, not `mobile_app`. */
const LAST_WORD_ONLY: ReadonlySet<string> = new Set(['mobile', 'tel', 'zip', 'passport']);

/**
 * `address`, `addr` and `ip` name a person's address unless the word before names a machine:
 * `server.address`, `network.local.address`, `net.host.ip`, `mac_address` stay, while
 * `client.address`, `network.peer.address`, `net.peer.ip`, `REMOTE_ADDR`, `ip_address`,
 * `email_address` and `billing_address` go.
 */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['address', 'addresses', 'addr', 'ip', 'ips']);
const MACHINE_QUALIFIERS: ReadonlySet<string> = new Set([
  'server', 'host', 'local', 'listen', 'bind', 'mac', 'memory', 'base', 'destination', 'proxy', 'gateway', 'broker',
  'node', 'pod', 'service', 'upstream', 'dns', 'smtp', 'target', 'endpoint', 'contract',
]);

/**
 * A last word that describes the data rather than holding it, beyond the secrets' metadata
 * words: `address_id`, `phone_verified`, `ip_version`, `phone_country` stay readable.
 */
const PERSONAL_METADATA_SUFFIXES: ReadonlySet<string> = new Set([
  'id', 'ids', 'uuid', 'verified', 'confirmed', 'validated', 'valid', 'visible', 'status', 'source', 'provider',
  'country', 'region', 'locale', 'prefix', 'model', 'brand', 'platform',
]);

/** Spaced and glued forms of every phrase, each framed by spaces, for `includes` on a framed key. */
const FRAMED_PHRASES: readonly string[] = [
  ...new Set(PERSONAL_PHRASES.flatMap((phrase) => [` ${phrase} `, ` ${phrase.replace(/ /g, '')} `])),
];

function isAddressWord(words: readonly string[], index: number): boolean {
  return ADDRESS_WORDS.has(words[index]) && (index === 0 || !MACHINE_QUALIFIERS.has(words[index - 1]));
}

/**
 * Decides whether a normalized key names personal data (see the README's "Personal data"):
 * a date of birth, a phone number, a postal or client address, a person's name, an identity
 * document. Whole words only: `telemetry`, `zipper` and `smartphone` stay.
 */
export function isPersonalDataKey({ words }: NormalizedKey): boolean {
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  const framed = ` ${words.join(' ')} `;
  // A phrase that ends the key names the data even when its last word alone would describe
  // it: `national_id`, `tax_id` go, `address_id` stays.
  if (FRAMED_PHRASES.some((phrase) => framed.endsWith(phrase))) return true;
  if (words.length > 1 && (METADATA_SUFFIXES.has(last) || PERSONAL_METADATA_SUFFIXES.has(last))) return false;
  if (LAST_WORD_ONLY.has(last)) return true;
  for (let index = 0; index < words.length; index++) {
    if (isAddressWord(words, index)) return true;
  }
  return FRAMED_PHRASES.some((phrase) => framed.includes(phrase));
}
