import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TagsModule } from '../tags/tags.module';
import { PracticeReadsController } from '../charts/practice-reads.controller';
import { AppointmentsController } from './appointments.controller';
import { ChartCommandSender } from './chart-command-sender';
import { AddChartContactHandler } from './add-chart-contact.handler';
import { RemoveChartContactHandler } from './remove-chart-contact.handler';
import { ChartLinksController } from './chart-links.controller';
import { AddChartMemberHandler } from './add-chart-member.handler';
import { RemoveChartMemberHandler } from './remove-chart-member.handler';
import { ClientRecordController } from './client-record.controller';
import { ClientStatusController } from './client-status.controller';
import { DeleteClientHandler } from './delete-client.handler';
import { EditClientProfileHandler } from './edit-client-profile.handler';
import { ClientsController } from './clients.controller';
import { CreateClientHandler } from './create-client.handler';
import { CreateGroupChartHandler } from './create-group-chart.handler';
import { CreateMinorClientHandler } from './create-minor-client.handler';
import { BookAppointmentHandler } from './book-appointment.handler';
import { TagClientHandler } from './tag-client.handler';

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
    AddChartContactHandler,
    RemoveChartContactHandler,
    TagClientHandler,
    BookAppointmentHandler,
  ],
})
export class ClientsModule {}
