import { Command } from '@nestjs/cqrs';
import type { ChartCommand } from '../../../../libs/domain/src/chart/chart.decider';
import type { CommandEnvelope } from '../application/command-envelope';

export interface ChartCommandResult {
  readonly chartId: string;
  readonly revision: number;
  readonly position: number;
}

export class CreateClientCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly firstName: string,
    readonly lastName: string,
    readonly email: string | null,
  ) {
    super();
  }
}

/** Any change to an existing chart: the domain command plus the revision the caller saw (If-Match). */
export class ChangeChartCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly command: Exclude<ChartCommand, { type: 'CreateClient' }>,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}
