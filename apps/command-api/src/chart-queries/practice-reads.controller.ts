import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@practice/event-store';
import type { ReadStore } from '@practice/read-store';
import { chartNotFound, hasPermission } from '@practice/domain';
import { CHARTS, type ChartDocument, CLIENTS, TAGS, CONTACTS, NEEDS_ATTENTION, NOTES, LEDGERS, TASKS, DOCUMENT_REQUESTS, CHART_FILES } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartReadAudit } from '../application/chart-read-audit';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { HttpAnswer } from '../http/command-answer';
import { ConsistencyToken } from '../http/headers';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { Reader, type PracticeReader } from '../http/practice-read';
import { Keyset, limitOf, PageQueryDto } from '../http/keyset-page';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens';
import { ClientListQueryDto } from '../clients/client-list.query.dto';
import { listClients, listNeedsAttention } from '../clients/client-queries';
import { assertChartOfPractice, chartHistory, ChartHistoryQueryDto } from './chart-history';
import { chartView } from './chart-view';
import { ApiRead } from '../http/api-answers';
import { ChartDocumentDto, ChartHistoryDto, ChartReadsDto, ClientListPageDto, NeedsAttentionPageDto } from '../clients/clients.response.dto';


// Reads of a chart in the order they happened; the random read id breaks ties within a millisecond.
const readsKeyset = new Keyset('chart-reads', ['string', 'string']);

/** The read side of a practice: lists, Needs Attention, the chart document and its history. */
@ApiTags('reads')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class PracticeReadsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
  ) {}

  @ApiRead('The client list: filtered, sorted by name, paged', ClientListPageDto)
  @Get('clients')
  @RequiresPermission('clients:read')
  async clients(
    @Param('practiceId') practiceId: string,
    @Query() query: ClientListQueryDto,
    @ConsistencyToken() token: number | undefined,
  ) {
    await this.freshness.awaitPosition(token, [CLIENTS, TAGS]);
    return listClients(this.readStore, practiceId, query);
  }

  @ApiRead('Needs Attention: open problems of the practice', NeedsAttentionPageDto)
  @Get('needs-attention')
  @RequiresPermission('clients:read')
  async needsAttention(@Param('practiceId') practiceId: string, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [NEEDS_ATTENTION]);
    return listNeedsAttention(this.readStore, practiceId, query);
  }

  @ApiRead('The chart document of the profile screen', ChartDocumentDto, { etag: true })
  @Get('charts/:chartId')
  @RequiresPermission('charts:read')
  async chart(
    @Param('practiceId') practiceId: string,
    @Param('chartId') chartId: string,
    @Reader() reader: PracticeReader,
  ) {
    if (!isUuid(chartId)) throw chartNotFound();
    await this.freshness.awaitPosition(reader.token, [CHARTS, TAGS, CONTACTS, NOTES, LEDGERS, TASKS, DOCUMENT_REQUESTS, CHART_FILES]);
    const doc = await this.readStore.collection<ChartDocument>(CHARTS).get(chartId);
    if (!doc || doc.practiceId !== practiceId) throw chartNotFound();
    await this.audit.record(reader.userId, practiceId, chartId, 'chart');
    // The ETag is the chart's revision, as commands answer it: send it back in If-Match.
    const clinical = { diagnoses: hasPermission(reader.role, 'diagnoses:read') };
    return new HttpAnswer(await chartView(this.readStore, doc, new Date(), clinical), { revision: doc.revision });
  }

  @ApiRead('The history of a chart, oldest first', ChartHistoryDto)
  @Get('charts/:chartId/history')
  @RequiresPermission('charts:history')
  async history(
    @Param('practiceId') practiceId: string,
    @Param('chartId') chartId: string,
    @Query() query: ChartHistoryQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    if (!isUuid(chartId)) throw chartNotFound();
    const history = await chartHistory(this.eventStore, practiceId, chartId, query);
    await this.audit.record(user.userId, practiceId, chartId, 'history');
    return history;
  }

  /** Who read the chart (document or history) and when: the read side of the audit trail. */
  @ApiRead('Who read the chart and when', ChartReadsDto)
  @Get('charts/:chartId/reads')
  @RequiresPermission('charts:history')
  async reads(@Param('practiceId') practiceId: string, @Param('chartId') chartId: string, @Query() query: PageQueryDto) {
    if (!isUuid(chartId)) throw chartNotFound();
    const [at, id] = query.cursor === undefined ? [] : (readsKeyset.decode(query.cursor) as string[]);
    await assertChartOfPractice(this.eventStore, practiceId, chartId);
    const limit = limitOf(query);
    const rows = await this.audit.readsOf(practiceId, chartId, { after: at === undefined ? undefined : { at, id }, limit: limit + 1 });
    const page = readsKeyset.page(rows, limit, (read) => [read.at, read.id]);
    return { chartId, reads: page.items.map(({ userId, view, at }) => ({ userId, view, at })), nextCursor: page.nextCursor };
  }
}
