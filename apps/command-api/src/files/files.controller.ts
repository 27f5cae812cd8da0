import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { BlobStore } from '@practice/blob-store';
import { fileNotFound } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import { CHART_FILES, CHART_FILES_ORDER, type ChartFileDocument } from '@practice/read-models';
import { ChartReadAudit } from '../application/chart-read-audit';
import { CommandRunner } from '../application/command-runner';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { CommandSender } from '../http/command-sender';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, PageQueryDto } from '../http/keyset-page';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { BLOB_STORE, READ_STORE } from '../infrastructure/tokens';
import { assertOpenChartOfPractice } from '../chart-queries/open-chart';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { shownFile } from './chart-files';
import { contentDisposition } from './content-disposition';
import { ALLOWED_FILE_TYPES } from './file-content';
import { filePartOf } from './file-part';
import { DeleteFileCommand, UploadFileCommand } from './file.commands';
import { ChartFilesPageDto, FileAnswerDto, FileUploadedDto } from './files.response.dto';
import { UploadFileRequestDto } from './upload-file.request.dto';

const filesKeyset = new Keyset('chart-files', ['string', 'string']);

const BINARY = { schema: { type: 'string', format: 'binary' } } as const;
const DOWNLOAD_HEADERS = {
  'Content-Disposition': { description: "attachment; filename=\"…\"; filename*=UTF-8''… (RFC 6266)", schema: { type: 'string' } },
  'Content-Length': { description: 'The size in bytes', schema: { type: 'integer', minimum: 0 } },
  'Cache-Control': { description: 'no-store', schema: { type: 'string', enum: ['no-store'] } },
  'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string', enum: ['nosniff'] } },
};

/** The Files tab of a chart: upload (multipart, streamed), list, download (streamed), delete (hide). */
@ApiTags('files')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/files')
export class FilesController {
  constructor(
    private readonly sender: CommandSender,
    private readonly runner: CommandRunner,
    private readonly reads: ChartRecordReads,
    private readonly audit: ChartReadAudit,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @ApiCreated('Upload a document to a chart', FileUploadedDto, { location: true })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileRequestDto })
  @Post()
  @RequiresPermission('files:write')
  async upload(@ChartCallParams() call: ChartCall, @Req() request: FastifyRequest) {
    const file = await filePartOf(request);
    return this.sender.send(
      new UploadFileCommand(call, file),
      ({ fileId, chartId, revision, fileName, contentType, size, sha256 }) => ({ fileId, chartId, revision, fileName, contentType, size, sha256 }),
      (result) => `/practices/${call.practiceId}/charts/${call.chartId}/files/${result.fileId}`,
    );
  }

  @ApiRead('The documents of a chart, newest first', ChartFilesPageDto)
  @Get()
  @RequiresPermission('files:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    const { practiceId, chartId } = call;
    const page = await this.reads.read(call, token, [CHART_FILES], 'files', () =>
      findPage(this.readStore.collection<ChartFileDocument>(CHART_FILES), { practiceId, chartId }, CHART_FILES_ORDER, filesKeyset, query),
    );
    const items = page.items.map(({ _id, fileName, contentType, size, sha256, uploadedAt, uploadedBy }) => ({ fileId: _id, fileName, contentType, size, sha256, uploadedAt, uploadedBy }));
    return { chartId, items, nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Download a document of a chart',
    description:
      'Streams the bytes with the type found at upload, as an attachment (Content-Disposition with filename*), ' +
      'never cached (no-store) nor sniffed (nosniff). Recorded in the chart read log. A refusal is application/problem+json.',
  })
  @ApiProduces(...Object.keys(ALLOWED_FILE_TYPES))
  @ApiResponse({
    status: 200,
    description: 'The bytes of the document',
    headers: DOWNLOAD_HEADERS,
    content: Object.fromEntries(Object.keys(ALLOWED_FILE_TYPES).map((type) => [type, BINARY])),
  })
  @Get(':fileId')
  @RequiresPermission('files:read')
  async download(@ChartCallParams() call: ChartCall, @Param('fileId') fileId: string) {
    const { practiceId, chartId } = call;
    await assertOpenChartOfPractice(this.runner, practiceId, chartId);
    const file = await shownFile(this.runner, practiceId, chartId, fileId);
    const content = await this.blobs.get(file.sha256);
    await this.audit.record(call.actorUserId, practiceId, chartId, 'file');
    return new StreamableFile(content, { type: file.contentType, disposition: contentDisposition(file.fileName), length: file.size });
  }

  @ApiChanged('Delete (hide) a document of a chart', FileAnswerDto)
  @Delete(':fileId')
  @HttpCode(200)
  @RequiresPermission('files:write')
  delete(@ChartCallParams() call: ChartCall, @Param('fileId') fileId: string) {
    if (!isUuid(fileId)) throw fileNotFound();
    return this.sender.send(new DeleteFileCommand(call, fileId), ({ fileId: id, chartId, revision }) => ({ fileId: id, chartId, revision }));
  }
}
