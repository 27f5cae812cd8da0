import { randomUUID } from 'node:crypto';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { Keyset, type KeyValue } from '../http/keyset-page';
import { rowsAtCut, type CutRow, type ExportKey } from './export-cut';
import { columnsFor, redacted, type ExportDataset } from './export-datasets';
import type { PracticeRole } from '@practice/events';
import { csvLine, ndjsonLine, type ExportFormat } from './export-format';
import type { ExportAudit } from './export-audit.service';

/** Rows between two `resume` lines of an NDJSON export. */
export const RESUME_EVERY = 500;

/** The cursor of an export: the dataset, the cut and the key of the last row sent. */
export const exportKeyset = (dataset: string): Keyset => new Keyset(`export-${dataset}`, ['number', 'string', 'string']);

export const encodeExportCursor = (dataset: string, position: number, key: ExportKey): string =>
  exportKeyset(dataset).encode([position, key.id, key.subKey]);

export const decodeExportCursor = (dataset: string, cursor: string): { position: number; after: ExportKey } => {
  const [position, id, subKey] = exportKeyset(dataset).decode(cursor) as [number, string, string];
  return { position, after: { id, subKey } };
};

export interface ExportRequest {
  readonly dataset: ExportDataset;
  readonly practiceId: string;
  readonly userId: string;
  readonly role: PracticeRole;
  readonly format: ExportFormat;
  readonly position: number;
  readonly after?: ExportKey;
  readonly limit?: number;
  readonly from?: string;
  readonly to?: string;
  /** What the audit keeps of the request (never row data). */
  readonly parameters: Readonly<Record<string, KeyValue>>;
}

/** The practice's document count when each document is one row (a progress bar's total); null otherwise. */
const estimate = async (readStore: ReadStore, { dataset, practiceId, after, from, to }: ExportRequest): Promise<number | null> =>
  dataset.rowPerDocument && after === undefined && from === undefined && to === undefined
    ? readStore.collection(dataset.readModel).count({ practiceId })
    : null;

/**
 * The text of an export, line by line. NDJSON: a `cut` line (the position the export reflects), one
 * `row` line per row, a `resume` line every RESUME_EVERY rows (its cursor continues after it) and an
 * `end` line (`nextCursor` when `limit` stopped it early), or an `error` line when a store failed
 * midway. CSV: a header line, then the rows; the cut is in the X-Export-Position header. The export is
 * recorded before its first row and finished with its row count when it ends, or marked aborted when
 * the reader goes away or a store fails.
 */
export async function* exportLines(readStore: ReadStore, events: EventStore, audit: ExportAudit, request: ExportRequest, exportId: string = randomUUID()): AsyncGenerator<string> {
  const { dataset, practiceId, format, position, after, limit } = request;
  const record = await audit.begin({ id: exportId, ...request, kind: 'export', dataset: dataset.name });
  // An export never holds what the role could not read through the other routes.
  const columns = columnsFor(dataset, request.role);
  let rows = 0;
  let status: 'completed' | 'aborted' = 'aborted';
  try {
    yield format === 'csv'
      ? csvLine(columns)
      : ndjsonLine({ type: 'cut', dataset: dataset.name, practiceId, position, exportId: record.id, columns, estimatedRows: await estimate(readStore, request) });
    const source = rowsAtCut(readStore, events, dataset, { practiceId, position, after, from: request.from, to: request.to });
    let last: CutRow | undefined;
    let nextCursor: string | null = null;
    for await (const row of source) {
      if (limit !== undefined && rows >= limit) {
        nextCursor = encodeExportCursor(dataset.name, position, last!);
        break;
      }
      rows += 1;
      last = row;
      if (format === 'csv') {
        yield csvLine(columns.map((column) => row.row[column]));
        continue;
      }
      yield ndjsonLine({ type: 'row', data: redacted(row.row, dataset.fieldPermissions, request.role) });
      if (rows % RESUME_EVERY === 0) yield ndjsonLine({ type: 'resume', cursor: encodeExportCursor(dataset.name, position, row), rows });
    }
    if (format === 'ndjson') yield ndjsonLine({ type: 'end', position, rows, nextCursor });
    status = 'completed';
  } catch (error) {
    // The status line is long gone: NDJSON says so in a last line (the audit keeps `aborted`), and
    // the reader resumes from its last cursor; CSV has no such line, so the connection is cut.
    if (format === 'csv') throw error;
    yield ndjsonLine({ type: 'error', code: (error as { code?: unknown })?.code ?? 'ExportFailed', message: 'The export stopped; resume from the last cursor' });
  } finally {
    await audit.finish(record.id, rows, status);
  }
}
