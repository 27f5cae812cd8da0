import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TagsModule } from '../tags/tags.module';
import { PracticeReadsController } from '../chart-queries/practice-reads.controller';
import { AppointmentsController } from '../appointments/appointments.controller';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { AddChartContactHandler } from '../contacts/add-chart-contact.handler';
import { RemoveChartContactHandler } from '../contacts/remove-chart-contact.handler';
import { ChartLinksController } from '../chart-commands/chart-links.controller';
import { AddChartMemberHandler } from '../chart-commands/add-chart-member.handler';
import { RemoveChartMemberHandler } from '../chart-commands/remove-chart-member.handler';
import { SendPortalInvitationHandler } from '../chart-commands/send-portal-invitation.handler';
import { ClientRecordController } from '../chart-commands/client-record.controller';
import { ClientStatusController } from '../chart-commands/client-status.controller';
import { DeleteClientHandler } from '../chart-commands/delete-client.handler';
import { EditClientProfileHandler } from '../chart-commands/edit-client-profile.handler';
import { ClientsController } from './clients.controller';
import { CreateClientHandler } from './create-client.handler';
import { CreateGroupChartHandler } from './create-group-chart.handler';
import { CreateMinorClientHandler } from './create-minor-client.handler';
import { BookAppointmentHandler } from '../appointments/book-appointment.handler';
import { TagClientHandler } from '../chart-commands/tag-client.handler';

/** Client charts; the tag catalogue and the contacts come with them (one import in the app module). */
@Module({
  imports: [TagsModule, ContactsModule],
  controllers: [ClientsController, ClientRecordController, ClientStatusController, ChartLinksController, AppointmentsController, PracticeReadsController],
  providers: [
    ChartCommandSender,
    CreateClientHandler,
    CreateMinorClientHandler,
    CreateGroupChartHandler,
    EditClientProfileHandler,
    DeleteClientHandler,
    AddChartMemberHandler,
    RemoveChartMemberHandler,
    SendPortalInvitationHandler,
    AddChartContactHandler,
    RemoveChartContactHandler,
    TagClientHandler,
    BookAppointmentHandler,
  ],
})
export class ClientsModule {}
