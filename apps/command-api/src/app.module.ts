import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/auth.module';
import type { Runtime } from './bootstrap/runtime';
import { ClientsModule } from './clients/clients.module';
import { CoreModule } from './core.module';
import { HealthModule } from './health/health.module';
import { AuthGuard } from './http/auth.guard';
import { NoBodyGuard } from './http/no-body.guard';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { PracticesModule } from './practices/practices.module';
import { MeModule } from './me/me.module';
import { ReportsModule } from './reports/reports.module';
import { NotesModule } from './notes/notes.module';
import { SuperbillModule } from './superbill/superbill.module';
import { BillingModule } from './billing/billing.module';
import { TasksModule } from './tasks/tasks.module';
import { DocumentRequestsModule } from './document-requests/document-requests.module';
import { FilesModule } from './files/files.module';
import { ExportsModule } from './exports/exports.module';
import { MessagesModule } from './messages/messages.module';

/** The command API: the core (adapters and services of a runtime) and one module per feature. */
@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), CoreModule.register(runtime), AuthModule, PracticesModule, ClientsModule, HealthModule, MeModule, NotesModule, SuperbillModule, BillingModule, TasksModule, DocumentRequestsModule, FilesModule, ExportsModule, ReportsModule, MessagesModule.register(runtime)],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the AuthGuard: global guards run in the order they are provided.
        { provide: APP_GUARD, useClass: NoBodyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
