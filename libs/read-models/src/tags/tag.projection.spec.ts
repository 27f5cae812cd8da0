import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { TAGS, tagProjection } from './tag.projection';

describe('tags projection (the catalogue)', () => {
  it('keeps the current name of each tag, drops removed ones, and ignores a replay', async () => {
    const collection = new InMemoryReadStore().collection(TAGS);
    const batch = recorded([
      { type: 'TagDefined', data: { practiceId: 'p-1', tagId: 't-1', name: 'Depression' } },
      { type: 'TagDefined', data: { practiceId: 'p-1', tagId: 't-2', name: 'EMDR' } },
      { type: 'TagRenamed', data: { practiceId: 'p-1', tagId: 't-1', name: 'Low mood' } },
      { type: 'TagRemoved', data: { practiceId: 'p-1', tagId: 't-2' } },
    ]);
    await applyBatch(tagProjection, collection, batch);
    await applyBatch(tagProjection, collection, batch);
    expect((await collection.find({ practiceId: 'p-1' })).map((doc) => [doc._id, doc.name])).toEqual([['t-1', 'Low mood']]);
  });
});
