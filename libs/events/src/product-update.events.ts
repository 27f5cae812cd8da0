import { z, id, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/**
 * "Product Updates & Tips": an operator publishes an update (`npm run product-update`); the workflow
 * emails it to every user with that category on. The text is the operator's, never a user's data.
 */
export const ProductUpdatePublishedSchema = z
  .object({
    updateId: id,
    subject: z.string().min(1).max(200),
    /** Plain text (Markdown is sent as written). */
    body: z.string().min(1).max(20_000),
    publishedAt: isoDateTime,
  })
  .strict();
export type ProductUpdatePublished = DomainEvent<'ProductUpdatePublished', z.infer<typeof ProductUpdatePublishedSchema>>;

export type ProductUpdateEvent = ProductUpdatePublished;

export const productUpdateEventSchemas = {
  ProductUpdatePublished: ProductUpdatePublishedSchema,
} as const;
