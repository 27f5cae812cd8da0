import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { csvLine, ndjsonLine } from '../../apps/command-api/src/exports/csv';

export interface ExportJob {
  readonly baseUrl: string;
  readonly token: string;
  readonly practiceId: string;
  readonly dataset: string;
  readonly format: 'csv' | 'ndjson';
  readonly out: string;
  readonly from?: string;
  readonly to?: string;
  /** Called with the rows written so far and the estimated total (null when unknown). */
  readonly progress?: (rows: number, total: number | null) => void;
  readonly retries?: number;
}

export interface ExportResult {
  readonly position: number;
  readonly rows: number;
  readonly exportId: string;
}

type Line = { type: 'cut' | 'row' | 'resume' | 'end'; [key: string]: unknown };

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the API answered ${status}: ${body.slice(0, 500)}`);
  }
}

const write = async (file: WriteStream, text: string | Uint8Array): Promise<void> => {
  if (!file.write(text)) await once(file, 'drain');
};

/**
 * Streams an export into a file. The CLI always reads NDJSON (the cut, the rows, the resume cursors)
 * and writes the format asked for. Rows are written when the resume line after them (or the end line)
 * arrives, so a connection lost in between resumes from the last cursor, at the same cut, with nothing
 * written twice; memory holds at most one resume interval (500 rows).
 */
export const exportToFile = async (job: ExportJob): Promise<ExportResult> => {
  const file = createWriteStream(job.out);
  let columns: readonly string[] = [];
  let cursor: string | undefined;
  let cut: { position: number; exportId: string; total: number | null } | undefined;
  let rows = 0;
  let attemptsLeft = job.retries ?? 3;
  try {
    for (;;) {
      const query = new URLSearchParams({ format: 'ndjson' });
      if (cursor) query.set('cursor', cursor);
      else if (cut) query.set('position', String(cut.position));
      if (job.from) query.set('from', job.from);
      if (job.to) query.set('to', job.to);
      const response = await fetch(`${job.baseUrl}/practices/${job.practiceId}/exports/${job.dataset}?${query}`, {
        headers: { Authorization: `Bearer ${job.token}`, Accept: 'application/x-ndjson' },
      });
      if (!response.ok || !response.body) throw new ApiProblem(response.status, await response.text());
      let pending: Record<string, unknown>[] = [];
      const flush = async (): Promise<void> => {
        for (const row of pending) await write(file, job.format === 'csv' ? csvLine(columns.map((c) => row[c])) : ndjsonLine(row));
        rows += pending.length;
        pending = [];
        job.progress?.(rows, cut?.total ?? null);
      };
      try {
        const lines = createInterface({ input: Readable.fromWeb(response.body as unknown as WebReadableStream), crlfDelay: Infinity });
        for await (const text of lines) {
          if (text.length === 0) continue;
          const line = JSON.parse(text) as Line;
          if (line.type === 'cut') {
            if (!cut) {
              cut = { position: line.position as number, exportId: line.exportId as string, total: (line.estimatedRows as number | null) ?? null };
              columns = line.columns as string[];
              if (job.format === 'csv') await write(file, csvLine(columns));
            }
          } else if (line.type === 'row') pending.push(line.data as Record<string, unknown>);
          else if (line.type === 'resume') {
            await flush();
            cursor = line.cursor as string;
          } else if (line.type === 'end') {
            await flush();
            return { position: cut!.position, rows, exportId: cut!.exportId };
          }
        }
        throw new Error('the export stream ended before its end line');
      } catch (error) {
        if (error instanceof SyntaxError || attemptsLeft <= 0) throw error;
        attemptsLeft -= 1;
      }
    }
  } finally {
    file.end();
    await once(file, 'close');
  }
};

/** A report of the reporting API (`/practices/{id}/reports/{name}`) into a file, as the API answers it. */
export const reportToFile = async (job: Omit<ExportJob, 'dataset'> & { readonly name: string; readonly granularity?: string }): Promise<void> => {
  const query = new URLSearchParams();
  if (job.from) query.set('from', job.from);
  if (job.to) query.set('to', job.to);
  if (job.granularity) query.set('granularity', job.granularity);
  const response = await fetch(`${job.baseUrl}/practices/${job.practiceId}/reports/${job.name}?${query}`, {
    headers: { Authorization: `Bearer ${job.token}`, Accept: job.format === 'csv' ? 'text/csv' : 'application/json' },
  });
  if (!response.ok || !response.body) throw new ApiProblem(response.status, await response.text());
  const file = createWriteStream(job.out);
  for await (const chunk of Readable.fromWeb(response.body as unknown as WebReadableStream)) await write(file, chunk as Uint8Array);
  file.end();
  await once(file, 'close');
};
