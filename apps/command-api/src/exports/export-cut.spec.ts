import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec, type NewEvent } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { allProjections, Projector } from '@practice/read-models';
import { rowsAtCut, type CutRow } from './export-cut';
import { exportDatasets } from './export-datasets';

const metadata = (practiceId: string, commandType: string) => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  occurredAt: '2026-03-01T09:00:00.000Z',
  actorUserId: randomUUID(),
  practiceId,
  correlationId: randomUUID(),
  causationId: null,
  commandType,
});

/** A practice's clients, some deleted and some renamed after the cut, read two documents a page. */
describe('rowsAtCut', () => {
  const practiceId = randomUUID();
  const events = new SqliteEventStore({ filename: join(mkdtempSync(join(tmpdir(), 'export-cut-')), 'events.sqlite'), codec: eventCodec });
  const readStore = new InMemoryReadStore();
  const projector = new Projector(events, readStore, allProjections);
  const ids = Array.from({ length: 7 }, () => randomUUID()).sort();
  const clients = exportDatasets.get('clients')!;
  let cut: number;
  const collect = async (options: Partial<Parameters<typeof rowsAtCut>[3]> = {}): Promise<CutRow[]> => {
    const rows: CutRow[] = [];
    for await (const row of rowsAtCut(readStore, events, clients, { practiceId, position: cut, pageSize: 2, ...options })) rows.push(row);
    return rows;
  };
  const append = (id: string, event: NewEvent) => events.appendToStream(`chart-${id}`, [event], { expectedRevision: 'any' });

  beforeAll(async () => {
    for (const [i, id] of ids.entries()) {
      await append(id, {
        type: 'ClientCreated',
        data: { chartId: id, practiceId, kind: 'individual', firstName: `F${i}`, lastName: `L${i}`, email: null },
        metadata: metadata(practiceId, 'CreateClient'),
      });
    }
    cut = await events.headPosition();
    // After the cut: three deleted (two of them side by side across a page boundary), one renamed, one created.
    for (const id of [ids[1], ids[2], ids[5]]) {
      await append(id, { type: 'ClientDeleted', data: { chartId: id, practiceId, email: null }, metadata: metadata(practiceId, 'DeleteClient') });
    }
    await append(ids[3], { type: 'LegalNameSet', data: { chartId: ids[3], firstName: 'Later', lastName: 'Name' }, metadata: metadata(practiceId, 'SetLegalName') });
    const late = randomUUID();
    await append(late, {
      type: 'ClientCreated',
      data: { chartId: late, practiceId, kind: 'individual', firstName: 'Late', lastName: 'Comer', email: null },
      metadata: metadata(practiceId, 'CreateClient'),
    });
    await projector.start();
  });

  afterAll(async () => {
    await projector.stop();
    await events.close();
  });

  it('gives every client as it stood at the cut, in id order, whatever was deleted, changed or created since', async () => {
    const rows = await collect();
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.row.firstName)).toEqual(ids.map((id) => `F${ids.indexOf(id)}`));
    expect(rows.find((r) => r.id === ids[3])?.row.legalFirstName).toBeNull();
  });

  it('resumes after any row with the rows after it, at the same cut', async () => {
    for (const [i, id] of ids.entries()) {
      expect((await collect({ after: { id, subKey: '' } })).map((r) => r.id)).toEqual(ids.slice(i + 1));
    }
  });

  it('gives the documents as they are now at the head of the log', async () => {
    const rows = await collect({ position: await events.headPosition() });
    expect(rows).toHaveLength(ids.length - 3 + 1);
    expect(rows.map((r) => r.id)).not.toContain(ids[1]);
    expect(rows.find((r) => r.id === ids[3])?.row.legalFirstName).toBe('Later');
  });
});
