import { invalid } from '../shared/domain-error';
import { characterCount } from '../shared/unicode-text';

/** A required one-line title: trimmed, inner whitespace runs collapsed, 1..200 characters. */
export const assertTitle = (value: string, field = 'title'): string => {
  const tidy = value.trim().replace(/\s+/g, ' ');
  if (tidy.length === 0) throw invalid('TitleRequired', field, 'must not be empty');
  if (characterCount(tidy) > 200) throw invalid('TextTooLong', field, 'must be at most 200 characters');
  return tidy;
};
