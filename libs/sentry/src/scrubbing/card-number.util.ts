/**
 * Card prefixes of the networks we look for (IIN ranges): Visa 4, Mastercard 51-55 and
 * 2221-2720, Amex 34/37, Discover 6011/65/644-649, JCB 3528-3589, Diners 300-305/36/38.
 * Requiring one keeps order ids and phone numbers that happen to pass Luhn readable.
 */
function hasCardPrefix(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  switch (first) {
    case 2:
      return four >= 2221 && four <= 2720;
    case 3:
      return (
        two === 34 || two === 37 || two === 36 || two === 38 ||
        (three >= 300 && three <= 305) || (four >= 3528 && four <= 3589)
      );
    case 4:
      return true;
    case 5:
      return two >= 51 && two <= 55;
    case 6:
      return four === 6011 || two === 65 || (three >= 644 && three <= 649);
    default:
      return false;
  }
}

/** The Luhn checksum that every real card number satisfies (and 9 in 10 random numbers fail). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True for 13-19 digits with a real card prefix that pass Luhn. Expects digits only. */
export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && hasCardPrefix(digits) && passesLuhn(digits);
}
