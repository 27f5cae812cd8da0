/**
 * A National Provider Identifier: 10 digits, the first 1 or 2, the last the Luhn check digit of the
 * first nine computed with the card-issuer prefix 80840 in front (CMS, "NPI check digit").
 */
const NPI = /^[12]\d{9}$/;
const NPI_PREFIX = '80840';

/** The Luhn check digit of a digit string (the digit that makes `digits + check` pass Luhn). */
export const luhnCheckDigit = (digits: string): number => {
  let sum = 0;
  // Walking from the right, the digit next to the check digit is doubled first.
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
};

export const isValidNpi = (value: string): boolean =>
  NPI.test(value) && luhnCheckDigit(NPI_PREFIX + value.slice(0, 9)) === Number(value[9]);
