import { isValidNpi, luhnCheckDigit } from './npi';

describe('NPI', () => {
  it('accepts numbers whose last digit is the Luhn check digit with prefix 80840', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567810')).toBe(true);
    // Published example NPIs (CMS NPPES test data and the NPI standard's worked example).
    expect(isValidNpi('1245319599')).toBe(true);
    expect(isValidNpi('1003000126')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('1245319598')).toBe(false);
  });

  it('refuses numbers not starting with 1 or 2, or not 10 digits', () => {
    expect(isValidNpi('3234567893')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678931')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
    expect(isValidNpi(' 1234567893')).toBe(false);
  });

  it('computes the Luhn digit of the worked example (80840123456789 -> 3)', () => {
    expect(luhnCheckDigit('80840123456789')).toBe(3);
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});
