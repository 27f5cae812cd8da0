import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream } from '@practice/events';
import { chartDecider } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { PracticeAccess } from '../application/practice-access';
import { catalogueOf } from '../billing/service-catalogue';
import { BookAppointmentCommand, type ChartCommandResult } from '../clients/client.commands';

/** Books an appointment for one chart with a practitioner who is a member of the practice. */
@CommandHandler(BookAppointmentCommand)
export class BookAppointmentHandler implements ICommandHandler<BookAppointmentCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: PracticeAccess,
  ) {}

  async execute(command: BookAppointmentCommand): Promise<ChartCommandResult> {
    const { envelope, chartId, start, durationMinutes, practitionerId, expectedRevision, billing } = command;
    const practiceId = envelope.practiceId!;
    const practitionerIsMember = await this.access.requireMember(practiceId, practitionerId).then(
      () => true,
      () => false,
    );
    const appointmentId = envelope.newId('appointmentId');
    const services = await catalogueOf(this.runner, practiceId);
    const result = await this.runner.run(
      chartDecider,
      chartStream(chartId),
      { type: 'BookAppointment', chartId, practiceId, appointmentId, start, durationMinutes, practitionerId, practitionerIsMember, ...billing, services },
      envelope,
      { expectedRevision },
    );
    return { chartId, revision: result.revision, position: result.position, created: { appointmentId } };
  }
}
