import { invalid } from './domain-error';
import { characterCount } from './unicode-text';

/** A first or last name: required, trimmed, at most 200 characters. */
export const assertPersonName = (value: string, field: string): string => {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalid('NameRequired', field, 'must not be empty');
  if (characterCount(trimmed) > 200) throw invalid('NameTooLong', field, 'must be at most 200 characters');
  return trimmed;
};
