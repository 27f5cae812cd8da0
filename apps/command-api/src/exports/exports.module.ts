import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadStore } from '@practice/read-store';
import type { AppConfig } from '../config';
import { APP_CONFIG, READ_STORE } from '../infrastructure/tokens';
import { ReadStoreExportAuditSink, SqliteExportAuditSink } from './export-audit';
import { ExportAudit } from './export-audit.service';
import { ExportsController } from './exports.controller';
import { ChangesController } from './changes.controller';

/** Closes the audit's SQLite file with the app. */
class ExportAuditCloser implements OnApplicationShutdown {
  constructor(@Inject(ExportAudit) private readonly audit: ExportAudit) {}
  async onApplicationShutdown(): Promise<void> {
    await this.audit.close();
  }
}

/**
 * Bulk exports, the change feed and their audit. With MongoDB the audit is a collection there (the API
 * stays stateless); embedded, a SQLite file under DATA_DIR, like the record of chart reads.
 */
@Module({
  controllers: [ExportsController, ChangesController],
  providers: [
    {
      provide: ExportAudit,
      inject: [APP_CONFIG, READ_STORE],
      useFactory: (config: AppConfig, readStore: ReadStore) =>
        new ExportAudit(config.mongoUrl ? new ReadStoreExportAuditSink(readStore) : new SqliteExportAuditSink(config.dataDir)),
    },
    ExportAuditCloser,
  ],
})
export class ExportsModule {}
