import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { DOCUMENT_REQUESTS, type DocumentRequestDocument } from '@practice/read-models';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { ChartRecordReads } from '../chart-queries/chart-record-reads';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { DocumentRequestAnswerDto, DocumentRequestListQueryDto, DocumentRequestsPageDto, RequestDocumentRequestDto } from './document-request.dto';

const BY_REQUESTED_AT = { requestedAt: 1, _id: 1 } as const;
const requestsKeyset = new Keyset('document-requests', ['string', 'string']);

const requestItem = (doc: DocumentRequestDocument) => ({
  requestId: doc._id,
  chartId: doc.chartId,
  title: doc.title,
  message: doc.message,
  status: doc.status,
  requestedAt: doc.requestedAt,
  requestedBy: doc.requestedBy,
  completedAt: doc.completedAt,
  completedBy: doc.completedBy,
  cancelledAt: doc.cancelledAt,
  revision: doc.revision,
});

/**
 * Paperwork requested from one chart. A request stays on the chart it was requested from: the list
 * selects by that chart only, so a group chart's requests are not on its members' charts, nor the reverse.
 */
@ApiTags('document-requests')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/document-requests')
export class DocumentRequestsController {
  constructor(
    private readonly sender: ChartRecordSender,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly reads: ChartRecordReads,
  ) {}

  @ApiCreated('Request a document from the chart', DocumentRequestAnswerDto)
  @Post()
  @RequiresPermission('clients:write')
  request(@ChartCallParams() call: ChartCall, @Body() body: RequestDocumentRequestDto) {
    return this.sender.create(call, 'docrequest', 'RequestDocument', () => ({ type: 'RequestDocument', title: body.title, message: body.message ?? null }));
  }

  @ApiRead("The chart's document requests, oldest first, optionally of one status", DocumentRequestsPageDto)
  @Get()
  @RequiresPermission('charts:read')
  async list(@ChartCallParams() call: ChartCall, @Query() query: DocumentRequestListQueryDto, @ConsistencyToken() token: number | undefined) {
    const filter = query.status === undefined ? { chartId: call.chartId } : { chartId: call.chartId, status: query.status };
    const page = await this.reads.read(call, token, [DOCUMENT_REQUESTS], 'document-requests', () =>
      findPage(this.readStore.collection<DocumentRequestDocument>(DOCUMENT_REQUESTS), filter, BY_REQUESTED_AT, requestsKeyset, query),
    );
    return { items: page.items.map(requestItem), nextCursor: page.nextCursor };
  }

  @ApiChanged('Mark a document request completed (the paperwork came in)', DocumentRequestAnswerDto)
  @Post(':requestId/complete')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  complete(@ChartCallParams() call: ChartCall, @Param('requestId') requestId: string) {
    return this.sender.change(call, 'docrequest', requestId, 'CompleteDocumentRequest', () => ({ type: 'CompleteDocumentRequest', completedBy: { kind: 'staff', userId: call.actorUserId } }));
  }

  @ApiChanged('Cancel a document request', DocumentRequestAnswerDto)
  @Post(':requestId/cancel')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  cancel(@ChartCallParams() call: ChartCall, @Param('requestId') requestId: string) {
    return this.sender.change(call, 'docrequest', requestId, 'CancelDocumentRequest', () => ({ type: 'CancelDocumentRequest' }));
  }
}
