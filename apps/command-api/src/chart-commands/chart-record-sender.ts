import { Injectable } from '@nestjs/common';
import type { CommandEnvelope } from '../application/command-envelope';
import { ChartRecordCommand, type ChartRecordCommands, type ChartRecordKind } from '../application/chart-record-command';
import { StreamCommand, type GenericCommand } from '../application/stream-command';
import { CommandSender } from '../http/command-sender';
import type { ChartCall } from './chart-call';
import { uuidParam } from './path-params';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type PolicyCommand = Extract<GenericCommand<'chart'>, { type: 'AddInsurancePolicy' | 'ChangeInsurancePolicy' | 'RemoveInsurancePolicy' }>;

/** The records of a chart: on streams of their own (ChartRecordCommand), or a part of the chart's stream (a policy). */
interface RecordCommands extends ChartRecordCommands {
  readonly policy: PolicyCommand;
}
export type RecordKind = keyof RecordCommands;

/** Per kind: the record's id field (in the command, the answer and the path), its path under the chart. */
const RECORDS = {
  note: { idField: 'noteId', path: 'notes' },
  task: { idField: 'taskId', path: 'tasks' },
  docrequest: { idField: 'requestId', path: 'document-requests' },
  policy: { idField: 'policyId', path: 'insurance-policies' },
} as const satisfies { readonly [K in RecordKind]: { readonly idField: keyof RecordCommands[K]; readonly path: string } };
type IdField<K extends RecordKind> = (typeof RECORDS)[K]['idField'];

/** A command as a route builds it: the record's id and the chart and practice of the path are the sender's. */
type RecordChanges = { readonly [K in RecordKind]: DistributiveOmit<RecordCommands[K], IdField<K> | 'chartId' | 'practiceId'> };
export type RecordChange<K extends RecordKind> = RecordChanges[K];
type CommandTypes = { readonly [K in RecordKind]: RecordCommands[K]['type'] };

interface ChangeOptions<C> {
  /** Adds to the record (an addendum) rather than changing it: no revision to compare (If-Match). */
  readonly adds?: boolean;
  /** What the answer names besides the record, the chart and the revision (an addendum's id). */
  readonly answer?: (command: C) => object;
}

/**
 * The one way a route sends a command on a record of the chart in its path (a note, a task, a document
 * request, an insurance policy): the envelope from the call, the record's id made from it (the same on a
 * retry with the same Idempotency-Key) or taken from the path, the chart and practice of the path in the
 * command, one answer shape `{ <record>Id, chartId, revision, position }`.
 */
@Injectable()
export class ChartRecordSender {
  constructor(private readonly sender: CommandSender) {}

  /**
   * A new record. A record on a stream of its own has no revision to compare (If-Match); a policy's
   * revision is its chart's. `location`: the answer names the record's URL (its route says so).
   */
  create<K extends RecordKind, C extends RecordChange<K>>(call: ChartCall, kind: K, commandType: CommandTypes[K], build: (envelope: CommandEnvelope) => C, options: { location?: boolean } = {}) {
    const envelope = this.sender.envelope(call, commandType);
    const id = envelope.newId(RECORDS[kind].idField);
    const expectedRevision = kind === 'policy' ? call.ifMatch : undefined;
    return this.send(call, kind, id, envelope, build(envelope), expectedRevision, options.location ?? false);
  }

  /** A command on the record named in the path (`idParam`, a UUID or a 400 naming the parameter), with If-Match. */
  change<K extends RecordKind, C extends RecordChange<K>>(call: ChartCall, kind: K, idParam: string, commandType: CommandTypes[K], build: (envelope: CommandEnvelope) => C, options: ChangeOptions<C> = {}) {
    const id = uuidParam(idParam, RECORDS[kind].idField);
    const envelope = this.sender.envelope(call, commandType);
    const command = build(envelope);
    return this.send(call, kind, id, envelope, command, options.adds ? undefined : call.ifMatch, false, options.answer?.(command));
  }

  private send(call: ChartCall, kind: RecordKind, id: string, envelope: CommandEnvelope, change: object, expectedRevision: number | undefined, location: boolean, extra: object = {}) {
    const { chartId, practiceId } = call;
    const { idField, path } = RECORDS[kind];
    const command = { ...change, [idField]: id, chartId, practiceId };
    const message =
      kind === 'policy'
        ? new StreamCommand(envelope, 'chart', chartId, command as unknown as PolicyCommand, expectedRevision)
        : new ChartRecordCommand(envelope, kind as ChartRecordKind, id, command as unknown as ChartRecordCommands[ChartRecordKind], expectedRevision);
    return this.sender.send(
      message,
      (result) => ({ [idField]: id, chartId, revision: result.revision, ...extra }),
      location ? () => `/practices/${practiceId}/charts/${chartId}/${path}/${id}` : undefined,
    );
  }
}
