import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { commandEnvelope, type CommandEnvelope } from '../application/command-envelope';
import { answerCommand } from '../http/command-answer';
import type { HeaderSink } from '../http/http-types';
import type { ChartCall } from './chart-call';
import { ChangeChartCommand, type ChartCommandResult } from './client.commands';

type ChangeCommand = ChangeChartCommand['command'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Builds the envelope of a chart call, sends the command on the bus and answers with ETag and token. */
@Injectable()
export class ChartCommandSender {
  constructor(private readonly commandBus: CommandBus) {}

  envelope(call: ChartCall, commandType: string): CommandEnvelope {
    const { actorUserId, practiceId, idempotencyKey, correlationId } = call;
    return commandEnvelope({ commandType, actorUserId, practiceId, idempotencyKey, correlationId });
  }

  /**
   * A change of the chart in the path alone. Commands that need the time get the envelope's, the one
   * moment the command was accepted, which is also the events' `occurredAt`.
   */
  change(response: HeaderSink, call: ChartCall, command: DistributiveOmit<ChangeCommand, 'chartId' | 'practiceId' | 'now'>) {
    const envelope = this.envelope(call, command.type);
    const full = { ...command, chartId: call.chartId, practiceId: call.practiceId, now: envelope.now } as ChangeCommand;
    return this.send(response, new ChangeChartCommand(envelope, full, call.ifMatch));
  }

  async send(response: HeaderSink, command: Command<ChartCommandResult>) {
    const result = await this.commandBus.execute(command);
    return answerCommand(response, result, { chartId: result.chartId, revision: result.revision, ...(result.created ?? {}) });
  }
}
