import { z } from 'zod';

/** Shared pieces of event schemas. Every schema is strict: an unknown field in stored data is a defect. */
export const id = z.string().min(1).max(100);
export const personName = z.string().min(1).max(200);
export const email = z.string().min(3).max(320);
export const isoDateTime = z.string().datetime({ offset: true });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export { z };
