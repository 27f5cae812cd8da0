import { randomUUID } from 'node:crypto';
import type { KeyValue } from '../http/keyset-page';
import type { ExportAuditPage, ExportAuditSink, ExportRecord } from './export-audit';

export interface Disclosure {
  readonly id?: string;
  readonly practiceId: string;
  readonly userId: string;
  readonly role: string;
  readonly kind: ExportRecord['kind'];
  readonly dataset: string;
  readonly position: number;
  readonly parameters: Readonly<Record<string, KeyValue>>;
}

/** Every export and change-feed read is a disclosure: recorded before the data leaves, finished after. */
export class ExportAudit {
  constructor(
    private readonly sink: ExportAuditSink,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async begin(disclosure: Disclosure): Promise<ExportRecord> {
    const record: ExportRecord = {
      id: disclosure.id ?? randomUUID(),
      practiceId: disclosure.practiceId,
      userId: disclosure.userId,
      role: disclosure.role,
      kind: disclosure.kind,
      dataset: disclosure.dataset,
      parameters: { ...disclosure.parameters },
      position: disclosure.position,
      rows: 0,
      status: 'started',
      at: this.now().toISOString(),
      finishedAt: null,
    };
    await this.sink.write(record);
    return record;
  }

  finish(id: string, rows: number, status: 'completed' | 'aborted'): Promise<void> {
    return this.sink.finish(id, rows, status, this.now().toISOString());
  }

  /** A change-feed page: recorded once, complete, with the number of changes it gave. */
  async recorded(disclosure: Disclosure, rows: number): Promise<void> {
    const record = await this.begin(disclosure);
    await this.finish(record.id, rows, 'completed');
  }

  list(practiceId: string, page: ExportAuditPage): Promise<ExportRecord[]> {
    return this.sink.list(practiceId, page);
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
