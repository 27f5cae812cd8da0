import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { eventCodec } from '../../../libs/events/src/event-registry';
import { CommandRunner } from './application/command-runner';
import { EmailReservations } from './application/email-reservations';
import { PracticeAccess } from './application/practice-access';
import { ReadModelFreshness } from './application/read-model-freshness';
import { ChartReadAudit } from './application/chart-read-audit';
import { AuthController } from './auth/auth.controller';
import { SignInService } from './auth/sign-in.service';
import { SignUpHandler } from './auth/sign-up.handler';
import type { Runtime } from './bootstrap/runtime';
import { PracticeReadsController } from './charts/practice-reads.controller';
import { ChangeChartHandler, CreateClientHandler } from './clients/client.handlers';
import { ClientsController } from './clients/clients.controller';
import { HealthController } from './health/health.controller';
import { AuthGuard } from './http/auth.guard';
import { PracticeMemberGuard } from './http/practice-member.guard';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { TokenService } from './infrastructure/token-service';
import { APP_CONFIG, CREDENTIAL_STORE, EVENT_STORE, PROJECTOR, READ_STORE } from './infrastructure/tokens';
import { CreatePracticeHandler } from './practices/create-practice.handler';
import { PracticesController } from './practices/practices.controller';

/** Wires the adapters of a runtime into the API; the module itself chooses nothing. */
@Module({})
export class AppModule {
  static register(runtime: Runtime): DynamicModule {
    const { config, eventStore, readStore, credentials, projector, chartReads } = runtime;
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [AuthController, PracticesController, ClientsController, PracticeReadsController, HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: eventStore },
        { provide: READ_STORE, useValue: readStore },
        { provide: CREDENTIAL_STORE, useValue: credentials },
        { provide: PROJECTOR, useValue: projector },
        { provide: CommandRunner, useValue: new CommandRunner(eventStore, eventCodec) },
        { provide: EmailReservations, useFactory: (runner: CommandRunner) => new EmailReservations(runner, eventStore), inject: [CommandRunner] },
        { provide: PracticeAccess, useValue: new PracticeAccess(eventStore) },
        { provide: ReadModelFreshness, useValue: new ReadModelFreshness(readStore, projector, config.consistencyWaitMs) },
        { provide: ChartReadAudit, useValue: new ChartReadAudit(chartReads) },
        { provide: TokenService, useValue: new TokenService(config.tokenSecret, config.tokenTtlSeconds) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        PracticeMemberGuard,
        SignInService,
        SignUpHandler,
        CreatePracticeHandler,
        CreateClientHandler,
        ChangeChartHandler,
      ],
    };
  }
}
