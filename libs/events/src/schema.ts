import { z } from 'zod';
import { characterCount } from './character-count';

/** Shared pieces of event schemas. Every schema is strict: an unknown field in stored data is a defect. */
export const id = z.string().min(1).max(100);
/**
 * A text of 1 to `max` characters as the API counts them (code points, as JSON Schema's maxLength and
 * the request checks do), where zod's max counts UTF-16 units, two for an emoji.
 */
export const chars = (max: number) =>
  z
    .string()
    .min(1)
    .max(2 * max)
    .refine((text) => text.length <= max || characterCount(text) <= max, { message: `at most ${max} characters` });
export const personName = chars(200);
export const email = z.string().min(3).max(320);
export const isoDateTime = z.string().datetime({ offset: true });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export { z };
