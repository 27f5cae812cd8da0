import { Module } from '@nestjs/common';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { DeleteFileHandler } from './delete-file.handler';
import { FilesController } from './files.controller';
import { UploadFileHandler } from './upload-file.handler';

/** Documents on client charts: their bytes in the blob store, their metadata in `file-<id>` streams. */
@Module({ controllers: [FilesController], providers: [UploadFileHandler, DeleteFileHandler, ChartRecordReads] })
export class FilesModule {}
