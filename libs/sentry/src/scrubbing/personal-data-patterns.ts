import { createEmailPattern } from './email-pattern';
import { createIpv4Pattern, createIpv6Pattern } from './ip-address-pattern';
import { createPhoneNumberPattern } from './phone-number-pattern';
import { ValuePattern } from './value-pattern';

/** The personal-data value patterns, in the two places of the string scrubber's order. */
export interface PersonalDataPatterns {
  /**
   * Before `key=value` pairs, which would take only the first word of `tel: 06 12 34 56 78`:
   * IPv6 (before IPv4, so that `::ffff:203.0.113.9` goes whole), IPv4, then phone numbers
   * (after IP addresses, whose dotted groups they would otherwise read; a run holding a card is
   * left to the card rule, which runs later).
   */
  readonly beforePairs: readonly ValuePattern[];
  /**
   * Last: emails, after URL passwords (`redis://:pw@cache.internal` keeps its host) and after
   * the credential shapes.
   */
  readonly last: readonly ValuePattern[];
}

export const NO_PERSONAL_DATA_PATTERNS: PersonalDataPatterns = { beforePairs: [], last: [] };

export function createPersonalDataPatterns(replacement: string): PersonalDataPatterns {
  return {
    beforePairs: [createIpv6Pattern(replacement), createIpv4Pattern(replacement), createPhoneNumberPattern(replacement)],
    last: [createEmailPattern(replacement)],
  };
}
