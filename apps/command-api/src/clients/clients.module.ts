import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TagsModule } from '../tags/tags.module';
import { PracticeReadsController } from '../charts/practice-reads.controller';
import { AppointmentsController } from './appointments.controller';
import { ChartCommandSender } from './chart-command-sender';
import { AddChartContactHandler, RemoveChartContactHandler } from './chart-contacts.handlers';
import { ChartLinksController } from './chart-links.controller';
import { AddChartMemberHandler, RemoveChartMemberHandler } from './chart-members.handlers';
import { ClientRecordController } from './client-record.controller';
import { ClientStatusController } from './client-status.controller';
import { DeleteClientHandler, EditClientProfileHandler } from './client-profile.handlers';
import { ClientsController } from './clients.controller';
import { CreateClientHandler } from './create-client.handler';
import { CreateGroupChartHandler } from './create-group-chart.handler';
import { CreateMinorClientHandler } from './create-minor-client.handler';
import { BookAppointmentHandler, TagClientHandler } from './tag-and-book.handlers';

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
