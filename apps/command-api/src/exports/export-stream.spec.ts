import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@practice/event-store';
import { eventCodec } from '@practice/events';
import { InMemoryReadStore } from '@practice/read-store';
import { CLIENTS } from '@practice/read-models';
import { SqliteExportAuditSink } from './export-audit';
import { ExportAudit } from './export-audit.service';
import { exportDatasets } from './export-datasets';
import { exportLines, type ExportRequest } from './export-stream';

describe('exportLines', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'export-stream-'));
  const events = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), codec: eventCodec });
  const audit = new ExportAudit(new SqliteExportAuditSink(dataDir));
  const request = (format: 'ndjson' | 'csv'): ExportRequest => ({
    dataset: exportDatasets.get('clients')!,
    practiceId: 'p-1',
    userId: 'u-1',
    role: 'owner',
    format,
    position: 10,
    parameters: { format },
  });
  const row = (i: number) => ({ kind: 'put' as const, doc: { _id: `c-${i}`, _position: 1, practiceId: 'p-1', kind: 'individual', firstName: `F${i}`, lastName: 'L', tagIds: [] } });

  afterAll(async () => {
    await audit.close();
    await events.close();
  });

  it('ends NDJSON with an error line when a store fails midway, and the audit says aborted', async () => {
    const store = new InMemoryReadStore();
    await store.close();
    const lines: string[] = [];
    for await (const line of exportLines(store, events, audit, request('ndjson'), 'x-1')) lines.push(line);
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ type: 'error', code: 'ReadStoreUnavailable', message: 'The export stopped; resume from the last cursor' }]);
    const [record] = await audit.list('p-1', { limit: 10 });
    expect(record).toMatchObject({ id: 'x-1', status: 'aborted', rows: 0, kind: 'export', dataset: 'clients', position: 10 });
  });

  it('cuts a CSV export (no line can say so) by failing the stream', async () => {
    const store = new InMemoryReadStore();
    await store.close();
    const consume = async () => {
      for await (const _line of exportLines(store, events, audit, request('csv'))) void _line;
    };
    await expect(consume()).rejects.toMatchObject({ code: 'ReadStoreUnavailable' });
  });

  it('records the rows sent when the reader goes away early', async () => {
    const store = new InMemoryReadStore();
    await store.collection(CLIENTS).bulkWrite([row(1), row(2), row(3)]);
    let taken = 0;
    for await (const line of exportLines(store, events, audit, request('csv'), 'x-2')) {
      void line;
      taken += 1;
      if (taken === 3) break; // the header and two rows
    }
    const records = await audit.list('p-1', { limit: 10 });
    expect(records.find((r) => r.id === 'x-2')).toMatchObject({ status: 'aborted', rows: 2 });
  });
});
