import { isoDateTime, z } from './schema';

/** A request id as the API accepts it from `X-Request-Id` (otherwise it makes a UUID, which fits too). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

const text = z.string().min(1).max(200);

/**
 * The schema of event metadata (see EventMetadata), checked on append. Fields added later are
 * optional, so events recorded before them stay valid: `requestFingerprint`, `requestId`.
 */
export const eventMetadataSchema = z
  .object({
    eventId: text,
    schemaVersion: z.number().int().min(1),
    occurredAt: isoDateTime,
    actorUserId: text.nullable(),
    practiceId: text.nullable(),
    correlationId: text,
    causationId: text.nullable(),
    commandType: text,
    requestFingerprint: text.optional(),
    requestId: z.string().regex(REQUEST_ID_PATTERN).optional(),
  })
  .strict();
