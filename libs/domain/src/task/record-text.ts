import { invalid } from '../shared/domain-error';

/** A required one-line title: trimmed, inner whitespace runs collapsed, 1..200 characters. */
export const assertTitle = (value: string, field = 'title'): string => {
  const tidy = value.trim().replace(/\s+/g, ' ');
  if (tidy.length === 0) throw invalid('TitleRequired', field, 'must not be empty');
  if (tidy.length > 200) throw invalid('TextTooLong', field, 'must be at most 200 characters');
  return tidy;
};

/** A calendar date (YYYY-MM-DD) that exists: 2026-02-30 is refused. */
export const assertCalendarDate = (value: string, field: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || Number(match[1]) < 1900) {
    throw invalid('InvalidDate', field, 'must be a calendar date (YYYY-MM-DD) after 1900');
  }
  return value;
};
