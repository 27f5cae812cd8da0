import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, contactStream } from '@practice/events';
import { chartDecider, contactDecider, type ChartState } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { SendPortalInvitationCommand, type ChartCommandResult } from '../clients/client.commands';

/**
 * InviteToPortal and ResendPortalInvitation. A minor's invitation goes to the minor, the guardians or
 * both (the chart's portal access); the guardians are the contacts linked to the chart, and whether any
 * has an email is read from their contact streams, so that the chart's decider can refuse an invitation
 * that would reach nobody.
 */
@CommandHandler(SendPortalInvitationCommand)
export class SendPortalInvitationHandler implements ICommandHandler<SendPortalInvitationCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, resend, expectedRevision }: SendPortalInvitationCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state } = await this.runner.load(chartDecider, chartStream(chartId));
    const guardiansWithEmail = await this.guardiansWithEmail(state, practiceId);
    const type = resend ? 'ResendPortalInvitation' : 'InviteToPortal';
    const result = await this.runner.run(chartDecider, chartStream(chartId), { type, chartId, practiceId, now: envelope.now, guardiansWithEmail }, envelope, {
      expectedRevision,
    });
    return { chartId, revision: result.revision, position: result.position };
  }

  private async guardiansWithEmail(chart: ChartState, practiceId: string): Promise<number> {
    if (chart.status !== 'open' || chart.kind !== 'minor' || chart.practiceId !== practiceId) return 0;
    let count = 0;
    for (const contactId of Object.keys(chart.contacts)) {
      const { state } = await this.runner.load(contactDecider, contactStream(contactId));
      if (state.status === 'existing' && state.practiceId === practiceId && state.email !== null) count += 1;
    }
    return count;
  }
}
