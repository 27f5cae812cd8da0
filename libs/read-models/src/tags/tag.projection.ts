import type { TagDefined, TagRenamed, RecordedEvent } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';

export const TAGS = 'tags';

/**
 * A practice's tag catalogue. Clients hold tag ids; lists and charts resolve the names here when they
 * are read, so a renamed tag shows its new name everywhere at once and a removed tag disappears.
 */
export interface TagDocument extends ReadDocument {
  readonly practiceId: string;
  readonly name: string;
  readonly sortName: string;
}

const tagIdOf = (event: RecordedEvent): string[] => [(event.data as { tagId: string }).tagId];

const named = (event: RecordedEvent): TagDocument => {
  const { data } = event as RecordedEvent & (TagDefined | TagRenamed);
  return { _id: data.tagId, practiceId: data.practiceId, name: data.name, sortName: data.name.toLowerCase() };
};

export const tagProjection = defineProjection<TagDocument>({
  name: TAGS,
  indexes: [{ name: 'practice_sortName', keys: { practiceId: 1, sortName: 1, _id: 1 } }],
  documentIds: tagIdOf,
  handlers: {
    TagDefined: (_doc, event) => named(event),
    TagRenamed: (doc, event) => (doc === null ? null : named(event)),
    TagRemoved: () => null,
  },
});
