import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { assertPermission } from '@practice/domain';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ApiRead } from '../http/api-answers';
import { Keyset, limitOf, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { Reader, type PracticeReader } from '../http/practice-read';
import { READ_STORE } from '../infrastructure/tokens';
import { changeFeedNames, changeFeedPage, feedPermissionOf } from './change-feed';
import { auditParameters } from './export-audit';
import { ExportAudit } from './export-audit.service';
import { ChangeFeedQueryDto } from './exports.request.dto';
import { ChangeFeedPageDto, ExportAuditPageDto } from './exports.response.dto';

// The audit record in the order it was written; the random id breaks ties within a millisecond.
const auditKeyset = new Keyset('export-audit', ['string', 'string']);

/** The change feed of the read models, and the record of every export and feed read for auditors. */
@ApiTags('exports')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class ChangesController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ExportAudit,
  ) {}

  @ApiRead('Documents of a read model changed since a log position, with tombstones for deleted ones', ChangeFeedPageDto)
  @ApiParam({ name: 'readModel', enum: changeFeedNames })
  @Get('changes/:readModel')
  @RequiresPermission('exports:read')
  async changes(
    @Param('practiceId') practiceId: string,
    @Param('readModel') readModel: string,
    @Query() query: ChangeFeedQueryDto,
    @Reader() reader: PracticeReader,
  ) {
    const { userId, role } = reader;
    assertPermission(role, feedPermissionOf(readModel));
    await this.freshness.awaitPosition(reader.token, [readModel]);
    const page = await changeFeedPage(this.readStore, practiceId, readModel, role, query);
    const parameters = auditParameters({ since: page.since, until: page.until, limit: limitOf(query), cursor: query.cursor === undefined ? undefined : 'next-page' });
    await this.audit.recorded({ practiceId, userId, role, kind: 'changes', dataset: readModel, position: page.until, parameters }, page.changes.length);
    return page;
  }

  @ApiRead('Every export and change-feed read of the practice: who, what, which cut, how many rows, when (never the data)', ExportAuditPageDto)
  @Get('audit/exports')
  @RequiresPermission('exports:audit')
  async exportAudit(@Param('practiceId') practiceId: string, @Query() query: PageQueryDto) {
    const [at, id] = query.cursor === undefined ? [] : (auditKeyset.decode(query.cursor) as string[]);
    const limit = limitOf(query);
    const rows = await this.audit.list(practiceId, { after: at === undefined ? undefined : { at, id }, limit: limit + 1 });
    const page = auditKeyset.page(rows, limit, (record) => [record.at, record.id]);
    return { items: page.items.map(({ practiceId: _p, ...record }) => record), nextCursor: page.nextCursor };
  }
}
