import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { assertPermission, type Membership } from '@practice/domain';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ApiRead } from '../http/api-answers';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { ConsistencyToken } from '../http/headers';
import { Keyset, limitOf, PageQueryDto } from '../http/keyset-page';
import { CurrentMembership, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { changeFeedNames, changeFeedPage, feedPermissionOf } from './change-feed';
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
    @CurrentUser() user: AuthenticatedUser,
    @CurrentMembership() membership: Membership,
    @ConsistencyToken() token: number | undefined,
  ) {
    assertPermission(membership.role, feedPermissionOf(readModel));
    await this.freshness.awaitPosition(token, [readModel]);
    const page = await changeFeedPage(this.readStore, practiceId, readModel, membership.role, query);
    const parameters = Object.fromEntries(
      Object.entries({ since: page.since, until: page.until, limit: limitOf(query), cursor: query.cursor === undefined ? undefined : 'next-page' })
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined),
    );
    await this.audit.recorded(
      { practiceId, userId: user.userId, role: membership.role, kind: 'changes', dataset: readModel, position: page.until, parameters },
      page.changes.length,
    );
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
