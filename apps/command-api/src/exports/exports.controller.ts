import { Controller, Get, Headers, Inject, Param, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { assertPermission } from '@practice/domain';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { Reader, type PracticeReader } from '../http/practice-read';
import { badRequest } from '../http/problem';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { datasetOf, exportDatasetNames } from './export-datasets';
import { EXPORT_MEDIA_TYPES, formatOf } from './export-format';
import { decodeExportCursor, exportLines } from './export-stream';
import { auditParameters } from './export-audit';
import { ExportAudit } from './export-audit.service';
import { ExportQueryDto } from './exports.request.dto';
import { ApiNotAcceptable } from '../http/api-answers';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

const EXPORT_HEADERS = {
  'X-Export-Position': { description: 'The log position the export reflects: no row holds anything appended after it', schema: { type: 'string', example: '42' } },
  'X-Export-Id': { description: 'The id of the export in the audit record of disclosures', schema: { type: 'string', format: 'uuid' } },
};

const badQuery = (field: string, message: string) => badRequest('ValidationFailed', 'The request is not valid', [{ field, in: 'query', message }]);

const positionPastHead = () => badQuery('position', 'must be at most the head of the log');

/** Bulk exports of a practice's read models at a consistent cut, streamed. */
@ApiTags('exports')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/exports')
export class ExportsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ExportAudit,
  ) {}

  @ApiOperation({
    summary: 'A bulk export of a dataset at a consistent cut, streamed as NDJSON or CSV',
    description:
      'Streams every row of the dataset as it stood at one log position (X-Export-Position; the `cut` line of NDJSON). ' +
      'NDJSON lines: `cut`, `row`, `resume` (a cursor every 500 rows) and `end` (`nextCursor` when `limit` stopped it). ' +
      'The export is recorded for auditors. Needs `exports:read` and the read permission of the dataset.',
  })
  @ApiParam({ name: 'dataset', enum: [...exportDatasetNames] })
  @ApiProduces(EXPORT_MEDIA_TYPES.ndjson, EXPORT_MEDIA_TYPES.csv)
  @ApiNotAcceptable()
  @ApiResponse({
    status: 200,
    description: 'The rows, streamed',
    headers: EXPORT_HEADERS,
    content: { [EXPORT_MEDIA_TYPES.ndjson]: { schema: { type: 'string' } }, [EXPORT_MEDIA_TYPES.csv]: { schema: { type: 'string' } } },
  })
  @Get(':dataset')
  @RequiresPermission('exports:read')
  async export(
    @Param('practiceId') practiceId: string,
    @Param('dataset') name: string,
    @Query() query: ExportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Reader() reader: PracticeReader,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<StreamableFile> {
    const { userId, role } = reader;
    const dataset = datasetOf(name);
    assertPermission(role, dataset.permission);
    const format = formatOf(query.format, accept);
    const resumed = query.cursor === undefined ? undefined : decodeExportCursor(dataset.name, query.cursor);
    // A resumed export stays at its cursor's cut; a position that says otherwise is a mistake, not a new cut.
    if (resumed && query.position !== undefined && query.position !== resumed.position) throw badQuery('position', "must be the cut of the cursor (or left out)");
    if (query.from !== undefined && query.to !== undefined && Date.parse(query.to) <= Date.parse(query.from)) throw badQuery('to', 'must be after from');
    const position = await this.cutPosition(dataset.readModel, resumed?.position ?? query.position, reader.token);
    const exportId = randomUUID();
    const parameters = auditParameters({ format, position: query.position, cursor: query.cursor === undefined ? undefined : 'resumed', limit: query.limit, from: query.from, to: query.to });
    const lines = exportLines(
      this.readStore,
      this.eventStore,
      this.audit,
      { dataset, practiceId, userId, role, format, position, after: resumed?.after, limit: query.limit, from: query.from, to: query.to, parameters },
      exportId,
    );
    reply.header('X-Export-Position', String(position));
    reply.header('X-Export-Id', exportId);
    return new StreamableFile(Readable.from(lines), {
      type: `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`,
      disposition: `attachment; filename="${dataset.name}-${position}.${format}"`,
    });
  }

  /**
   * The cut: a requested position (or a resumed export's) once the read model has reached it, else what
   * the read model reflects now (after X-Consistency-Token, when sent). Never past the head of the log.
   */
  private async cutPosition(readModel: string, requested: number | undefined, token: number | undefined): Promise<number> {
    if (requested !== undefined) {
      if (requested > (await this.eventStore.headPosition())) throw positionPastHead();
      await this.freshness.awaitPosition(requested, [readModel]);
      return requested;
    }
    await this.freshness.awaitPosition(token, [readModel]);
    return (await this.readStore.getCheckpoint(readModel)) ?? -1;
  }
}
