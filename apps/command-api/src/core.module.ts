import { Global, Module, type DynamicModule } from '@nestjs/common';
import { eventCodec } from '@practice/events';
import { CommandSender } from './http/command-sender';
import { StreamCommandHandler } from './application/stream-command';
import { ChartRecordCommandHandler } from './application/chart-record-command';
import { CommandRunner } from './application/command-runner';
import { EmailReservations } from './application/email-reservations';
import { PracticeAccess } from './application/practice-access';
import { ReadModelFreshness } from './application/read-model-freshness';
import { ChartReadAudit } from './application/chart-read-audit';
import { ReportReadAudit } from './application/report-read-audit';
import type { Runtime } from './bootstrap/runtime';
import { PracticeMemberGuard } from './http/practice-member.guard';
import { TokenService } from './infrastructure/token-service';
import { APP_CONFIG, BLOB_STORE, CREDENTIAL_STORE, EVENT_STORE, PROJECTOR, READ_STORE } from './infrastructure/tokens';

/**
 * The adapters of a runtime and the application services every feature module uses. Global, so a
 * feature module only declares its own controllers and handlers.
 */
@Global()
@Module({})
export class CoreModule {
  static register(runtime: Runtime): DynamicModule {
    const { config, eventStore, readStore, credentials, projector, chartReads, reportReads, blobs } = runtime;
    const runner = new CommandRunner(eventStore, eventCodec);
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: eventStore },
      { provide: READ_STORE, useValue: readStore },
      { provide: CREDENTIAL_STORE, useValue: credentials },
      { provide: PROJECTOR, useValue: projector },
      { provide: BLOB_STORE, useValue: blobs },
      { provide: CommandRunner, useValue: runner },
      { provide: EmailReservations, useValue: new EmailReservations(runner) },
      { provide: PracticeAccess, useValue: new PracticeAccess(eventStore) },
      { provide: ReadModelFreshness, useValue: new ReadModelFreshness(readStore, projector, config.consistencyWaitMs, () => eventStore.headPosition()) },
      { provide: ChartReadAudit, useValue: new ChartReadAudit(chartReads) },
      { provide: ReportReadAudit, useValue: new ReportReadAudit(reportReads) },
      { provide: TokenService, useValue: new TokenService(config.tokenSecret, config.tokenTtlSeconds) },
      PracticeMemberGuard,
      CommandSender,
      StreamCommandHandler,
      ChartRecordCommandHandler,
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => ('provide' in p ? p.provide : p)) };
  }
}
