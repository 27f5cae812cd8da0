import { Injectable } from '@nestjs/common';
import type { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '../application/command-envelope';
import type { GenericCommand } from '../application/stream-command';
import { CommandSender } from '../http/command-sender';
import type { ChartCall } from './chart-call';
import type { ChartCommandResult } from '../clients/client.commands';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A chart command of the generic path's allow-list, without what the call itself gives. */
export type ChartChange = DistributiveOmit<GenericCommand<'chart'>, 'chartId' | 'practiceId' | 'now'>;

/** The chart routes' use of the CommandSender: the chart and the practice of the path go into the command. */
@Injectable()
export class ChartCommandSender {
  constructor(private readonly sender: CommandSender) {}

  envelope(call: ChartCall, commandType: string): CommandEnvelope {
    return this.sender.envelope(call, commandType);
  }

  /**
   * A change of the chart in the path alone. Commands that need the time get the envelope's, the one
   * moment the command was accepted, which is also the events' `occurredAt`.
   */
  change(call: ChartCall, command: ChartChange) {
    const { chartId, practiceId } = call;
    return this.sender.changeWith(
      call,
      'chart',
      chartId,
      command.type,
      (envelope) => ({ ...command, chartId, practiceId, now: envelope.now }) as GenericCommand<'chart'>,
      (_, result) => ({ chartId, revision: result.revision }),
    );
  }

  /** A chart command with its own handler (lookups, several streams). */
  send(command: Command<ChartCommandResult>, location?: (result: ChartCommandResult) => string) {
    return this.sender.send(command, (result) => ({ chartId: result.chartId, revision: result.revision, ...(result.created ?? {}) }), location);
  }
}
