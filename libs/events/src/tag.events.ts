import { z, id, chars } from './schema';
import type { DomainEvent } from './envelope';

const tagName = chars(60);

/** A practice's tag catalogue lives in its own stream (`tags-<practiceId>`). Clients hold tag ids. */
export const TagDefinedSchema = z.object({ practiceId: id, tagId: id, name: tagName }).strict();
export type TagDefined = DomainEvent<'TagDefined', z.infer<typeof TagDefinedSchema>>;

export const TagRenamedSchema = z.object({ practiceId: id, tagId: id, name: tagName }).strict();
export type TagRenamed = DomainEvent<'TagRenamed', z.infer<typeof TagRenamedSchema>>;

export const TagRemovedSchema = z.object({ practiceId: id, tagId: id }).strict();
export type TagRemoved = DomainEvent<'TagRemoved', z.infer<typeof TagRemovedSchema>>;

export type TagEvent = TagDefined | TagRenamed | TagRemoved;

export const tagEventSchemas = {
  TagDefined: TagDefinedSchema,
  TagRenamed: TagRenamedSchema,
  TagRemoved: TagRemovedSchema,
} as const;
