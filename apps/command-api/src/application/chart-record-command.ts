import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, documentRequestStream, noteStream, taskStream } from '@practice/events';
import {
  chartDecider,
  documentRequestDecider,
  noteDecider,
  taskDecider,
  type ChartState,
  type Decider,
  type DocumentRequestCommand,
  type NoteCommand,
  type TaskCommand,
} from '@practice/domain';
import type { CommandEnvelope } from './command-envelope';
import { CommandRunner } from './command-runner';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Records of their own that hang off one chart (a stream each: `note-<id>`, `task-<id>`,
 * `docrequest-<id>`). Every command on them names the chart of the path; the handler folds that chart
 * and hands it to the decider, which refuses a chart of another practice or a deleted one (404, nothing
 * appended) and a record of another chart. An explicit allow-list, like the generic path's.
 */
export interface ChartRecordCommands {
  /** The practice, the actor and the chart check come from the handler. */
  readonly note: DistributiveOmit<NoteCommand, 'actorUserId' | 'chartFound'>;
  readonly task: DistributiveOmit<TaskCommand, 'chart'>;
  readonly docrequest: DistributiveOmit<DocumentRequestCommand, 'chart'>;
}
export type ChartRecordKind = keyof ChartRecordCommands;

interface RecordRoute {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly decider: Decider<any, any, any>;
  readonly stream: (id: string) => string;
  /** The decider's command: the route's, with what the handler knows (the folded chart, the envelope). */
  readonly complete: (command: ChartRecordCommands[ChartRecordKind], chart: ChartState, envelope: CommandEnvelope) => object;
}

const withChart = (command: object, chart: ChartState) => ({ ...command, chart });

const RECORDS: { readonly [K in ChartRecordKind]: RecordRoute } = {
  note: {
    decider: noteDecider,
    stream: noteStream,
    complete: (command, chart, envelope) => {
      const practiceId = envelope.practiceId!;
      return { ...command, practiceId, actorUserId: envelope.actorUserId!, chartFound: chart.status === 'open' && chart.practiceId === practiceId };
    },
  },
  task: { decider: taskDecider, stream: taskStream, complete: withChart },
  docrequest: { decider: documentRequestDecider, stream: documentRequestStream, complete: withChart },
};

export interface ChartRecordResult {
  readonly revision: number;
  readonly position: number;
}

/** One command on the record `<kind>-<id>` of the chart `command.chartId`, with If-Match on the record. */
export class ChartRecordCommand<K extends ChartRecordKind = ChartRecordKind> extends Command<ChartRecordResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly kind: K,
    readonly id: string,
    readonly command: ChartRecordCommands[K],
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

@CommandHandler(ChartRecordCommand)
export class ChartRecordCommandHandler implements ICommandHandler<ChartRecordCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, kind, id, command, expectedRevision }: ChartRecordCommand): Promise<ChartRecordResult> {
    const { state: chart } = await this.runner.load(chartDecider, chartStream(command.chartId));
    const route = RECORDS[kind];
    const result = await this.runner.run(route.decider, route.stream(id), route.complete(command, chart, envelope), envelope, { expectedRevision });
    return { revision: result.revision, position: result.position };
  }
}
