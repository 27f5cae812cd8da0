import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReadStore } from './in-memory-read-store';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file';

const names = new Set(['clients', 'tags']);
const meta = { version: 'v1', position: 2500, writtenAt: '2026-11-30T22:00:00.000Z' };

/** A store with 2,500 clients (more than one frame of docs), a unique index, a deleted id and checkpoints. */
const filledStore = async (): Promise<InMemoryReadStore> => {
  const store = new InMemoryReadStore();
  const clients = store.collection('clients');
  await clients.ensureIndexes([{ name: 'practice_name', keys: { practiceId: 1, lastName: 1 } }, { name: 'email', keys: { email: 1 }, unique: true }]);
  await clients.bulkWrite(
    Array.from({ length: 2500 }, (_, i) => ({
      kind: 'put' as const,
      doc: { _id: `c${i}`, practiceId: `p${i % 3}`, lastName: `L${i % 50}`, email: `c${i}@example.com`, tags: [`t${i % 4}`], nested: { a: [1, null, 'x'] } },
      position: i,
    })),
  );
  await clients.bulkWrite([{ kind: 'delete', id: 'c7', position: 2500 }]);
  await store.collection('tags').bulkWrite([{ kind: 'put', doc: { _id: 't1', name: 'Anxiety' }, position: 3 }]);
  await store.collection('not-snapshotted').bulkWrite([{ kind: 'put', doc: { _id: 'x' } }]);
  await store.setCheckpoint('clients', 2500);
  await store.setCheckpoint('tags', 2400);
  return store;
};

describe('read-model snapshot files', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    file = join(dir, 'read-models.snapshot');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips the docs, indexes, deleted ids and checkpoints into an empty store, in a 0600 file', async () => {
    const original = await filledStore();
    const written = await writeSnapshotFile(file, meta, original.exportSnapshot(names));
    expect(written.docs).toBe(2500);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const read = await readSnapshotFile(file, 'v1');
    if (read.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(read)}`);
    expect(read.meta).toEqual(meta);
    const restored = new InMemoryReadStore();
    restored.importSnapshot(read.store);

    expect(await restored.listCollections()).toEqual(['clients', 'tags']);
    expect(await restored.getCheckpoint('clients')).toBe(2500);
    expect(await restored.getCheckpoint('tags')).toBe(2400);
    const filter = { practiceId: 'p1', lastName: 'L4' };
    const options = { sort: { lastName: 1 as const, _id: 1 as const }, limit: 20 };
    expect(await restored.collection('clients').find(filter, options)).toEqual(await original.collection('clients').find(filter, options));
    expect(restored.collection('clients').explain(filter).index).toBe('practice_name');
    expect(await restored.collection('clients').get('c11')).toEqual(await original.collection('clients').get('c11'));
    expect(await restored.collection('clients').count({})).toBe(2499);
    // The deleted id stays deleted against an older put replayed after the snapshot.
    await restored.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'c7', email: 'c7@example.com' }, position: 2499 }]);
    expect(await restored.collection('clients').get('c7')).toBeNull();
    // The unique index is there again.
    await expect(restored.collection('clients').bulkWrite([{ kind: 'put', doc: { _id: 'new', email: 'c1@example.com' }, position: 2600 }])).rejects.toThrow(/duplicate/i);
    await restored.close(); // the snapshot file stays open while frames of it are not decoded
  });

  it('is ignored when written by another version of the projections', async () => {
    await writeSnapshotFile(file, meta, (await filledStore()).exportSnapshot(names));
    expect(await readSnapshotFile(file, 'v2')).toEqual({ kind: 'other-version', version: 'v1' });
  });

  it('is ignored when truncated, when a byte changed, or when it is not a snapshot; missing is no error', async () => {
    await writeSnapshotFile(file, meta, (await filledStore()).exportSnapshot(names));
    const bytes = readFileSync(file);

    truncateSync(file, bytes.length - 10);
    expect((await readSnapshotFile(file, 'v1')).kind).toBe('corrupt');
    truncateSync(file, Math.floor(bytes.length / 2));
    expect((await readSnapshotFile(file, 'v1')).kind).toBe('corrupt');

    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length * 0.7)] ^= 0x01;
    writeFileSync(file, flipped);
    expect((await readSnapshotFile(file, 'v1')).kind).toBe('corrupt');
    // A frame that does not decode: the reason names no byte of it (the docs hold personal data).
    const garbled = Buffer.from(bytes);
    garbled.fill(0x41, Math.floor(bytes.length * 0.5), Math.floor(bytes.length * 0.5) + 64);
    writeFileSync(file, garbled);
    const read = await readSnapshotFile(file, 'v1');
    expect(read.kind).toBe('corrupt');
    expect(JSON.stringify(read)).not.toMatch(/AAAA|example\.com|practiceId/);

    writeFileSync(file, 'not a snapshot at all');
    expect((await readSnapshotFile(file, 'v1')).kind).toBe('corrupt');
    writeFileSync(file, '');
    expect((await readSnapshotFile(file, 'v1')).kind).toBe('corrupt');
    expect(await readSnapshotFile(join(dir, 'none'), 'v1')).toEqual({ kind: 'missing' });
  });

  it('refuses an import into a store that holds anything', async () => {
    const store = await filledStore();
    expect(() => store.importSnapshot({ checkpoints: [], collections: [] })).toThrow(/empty store/);
  });
});
