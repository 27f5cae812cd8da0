import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { invalid } from './domain-error';

/**
 * A phone number as E.164 (`+14155550123`). Numbers written without a country code are read as
 * numbers of `defaultCountry`; anything libphonenumber does not find valid is refused.
 */
export const assertPhoneNumber = (value: string, field = 'phone', defaultCountry: CountryCode = 'US'): string => {
  const parsed = parsePhoneNumberFromString(value.trim(), defaultCountry);
  if (!parsed || !parsed.isValid()) throw invalid('InvalidPhoneNumber', field, 'must be a valid phone number');
  return parsed.number;
};
