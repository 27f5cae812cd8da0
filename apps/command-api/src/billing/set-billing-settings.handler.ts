import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import type { ChartCommandResult } from '../clients/client.commands';
import { SetBillingSettingsCommand } from './billing.commands';
import { catalogueOf } from './service-catalogue';

/** Sets a chart's billing settings; the default service must be in the catalogue and not retired. */
@CommandHandler(SetBillingSettingsCommand)
export class SetBillingSettingsHandler implements ICommandHandler<SetBillingSettingsCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, settings, expectedRevision }: SetBillingSettingsCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const services = await catalogueOf(this.runner, practiceId);
    const result = await this.runner.run(chartDecider, chartStream(chartId), { type: 'SetBillingSettings', chartId, practiceId, ...settings, services }, envelope, { expectedRevision });
    return { chartId, revision: result.revision, position: result.position };
  }
}
