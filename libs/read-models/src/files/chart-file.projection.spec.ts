import type { DomainEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { CHART_FILES, CHART_FILES_ORDER, chartFileProjection, type ChartFileDocument } from './chart-file.projection';

const uploaded = (fileId: string, chartId = 'c-1'): DomainEvent => ({
  type: 'FileUploaded',
  data: { fileId, chartId, practiceId: 'p-1', fileName: `${fileId}.pdf`, contentType: 'application/pdf', size: 10, sha256: 'b'.repeat(64) },
});

const filesOf = async (collection: ReturnType<InMemoryReadStore['collection']>, chartId: string) =>
  (await collection.find({ practiceId: 'p-1', chartId }, { sort: CHART_FILES_ORDER })).map((doc) => doc._id);

describe('chart_files projection (the Files tab)', () => {
  it('lists a chart\'s uploads newest first, with who uploaded them and when', async () => {
    const collection = new InMemoryReadStore().collection(CHART_FILES);
    await applyBatch(chartFileProjection, collection, recorded([uploaded('f-1'), uploaded('f-2'), uploaded('f-3', 'c-2')], { actorUserId: 'u-1' }));
    expect(await filesOf(collection, 'c-1')).toEqual(['f-2', 'f-1']);
    const doc = (await collection.get('f-1')) as ChartFileDocument;
    expect(doc).toMatchObject({
      practiceId: 'p-1',
      chartId: 'c-1',
      fileName: 'f-1.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'b'.repeat(64),
      uploadedAt: '2026-01-01T00:00:00.000Z',
      uploadedBy: 'u-1',
    });
  });

  it('drops a deleted file from the list', async () => {
    const collection = new InMemoryReadStore().collection(CHART_FILES);
    await applyBatch(chartFileProjection, collection, recorded([uploaded('f-1'), uploaded('f-2'), { type: 'FileDeleted', data: { fileId: 'f-1', chartId: 'c-1' } }]));
    expect(await filesOf(collection, 'c-1')).toEqual(['f-2']);
  });

  it('changes nothing when the same events are applied twice', async () => {
    const collection = new InMemoryReadStore().collection(CHART_FILES);
    const batch = recorded([uploaded('f-1'), uploaded('f-2'), { type: 'FileDeleted', data: { fileId: 'f-2', chartId: 'c-1' } }]);
    await applyBatch(chartFileProjection, collection, batch);
    const once = await collection.find({});
    await applyBatch(chartFileProjection, collection, batch);
    await applyBatch(chartFileProjection, collection, batch.slice(0, 1));
    expect(await collection.find({})).toEqual(once);
    expect(await filesOf(collection, 'c-1')).toEqual(['f-1']);
  });
});
