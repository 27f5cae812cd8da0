import { invalid } from './domain-error';
import { characterCount } from './unicode-text';

/** Optional free text: trimmed; blank means "not given" (null); longer than `max` is refused. */
export const optionalText = (value: string | null | undefined, field: string, max: number): string | null => {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  if (characterCount(trimmed) > max) throw invalid('TextTooLong', field, `must be at most ${max} characters`);
  return trimmed;
};
