import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { CHARTS, LEDGERS, type ChartDocument, type LedgerDocument } from '@practice/read-models';
import { chartNotFound } from '@practice/domain';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartReadAudit } from '../application/chart-read-audit';
import { ConsistencyToken } from '../http/headers';
import { findPage, Keyset, limitOf, PageQueryDto, type KeyValue } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ApiRead } from '../http/api-answers';
import { PaymentsPageDto } from './payments.dto';
import { LedgerDto, OpenBalancesPageDto } from './ledger.response.dto';

const paymentKeyset = new Keyset('payments', ['string', 'string']);
const BALANCE_ORDER = { balance: -1, _id: 1 } as const;
const balanceKeyset = new Keyset('open-balances', ['number', 'string']);

/** The Payments tab, a chart's ledger, and the practice's open balances: reads of the chart-ledgers model. */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class LedgerReadsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
  ) {}

  private async ledgerOf(call: ChartCall, token: number | undefined, view: string): Promise<LedgerDocument> {
    await this.freshness.awaitPosition(token, [LEDGERS, CHARTS]);
    const [ledger, chart] = await Promise.all([
      this.readStore.collection<LedgerDocument>(LEDGERS).get(call.chartId),
      this.readStore.collection<ChartDocument>(CHARTS).get(call.chartId),
    ]);
    if (!chart || chart.practiceId !== call.practiceId) throw chartNotFound();
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, view);
    return ledger ?? { _id: call.chartId, practiceId: call.practiceId, currency: null, charges: [], payments: [], totals: { charged: 0, paid: 0, refunded: 0, balance: 0 }, balance: 0, open: false };
  }

  @ApiRead('The Payments tab: payment history of the chart, newest first', PaymentsPageDto)
  @Get('charts/:chartId/payments')
  @RequiresPermission('billing:read')
  async payments(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    const ledger = await this.ledgerOf(call, token, 'payments');
    const newestFirst = [...ledger.payments].sort((a, b) => b.date.localeCompare(a.date) || b.paymentId.localeCompare(a.paymentId));
    const after = query.cursor === undefined ? undefined : paymentKeyset.decode(query.cursor);
    const rows = after === undefined ? newestFirst : newestFirst.filter((p) => p.date < after[0] || (p.date === after[0] && p.paymentId < after[1]));
    const page = paymentKeyset.page(rows, limitOf(query), (p): KeyValue[] => [p.date, p.paymentId]);
    const items = page.items.map(({ refunds: _r, ...payment }) => payment);
    return { chartId: call.chartId, currency: ledger.currency, items, nextCursor: page.nextCursor };
  }

  @ApiRead("The chart's ledger: charges, payments, refunds and totals", LedgerDto)
  @Get('charts/:chartId/ledger')
  @RequiresPermission('billing:read')
  async ledger(@ChartCallParams() call: ChartCall, @ConsistencyToken() token: number | undefined) {
    const { _id, practiceId: _p, _position: _ignored, balance: _b, open: _o, ...ledger } = (await this.ledgerOf(call, token, 'ledger')) as LedgerDocument & { _position?: number };
    return { chartId: _id, ...ledger };
  }

  @ApiRead('Open balances of the practice: charts that owe, largest balance first', OpenBalancesPageDto)
  @Get('balances/open')
  @RequiresPermission('billing:read')
  async openBalances(@ChartCallParams() call: ChartCall, @Query() query: PageQueryDto, @ConsistencyToken() token: number | undefined) {
    await this.freshness.awaitPosition(token, [LEDGERS, CHARTS]);
    const page = await findPage(this.readStore.collection<LedgerDocument>(LEDGERS), { practiceId: call.practiceId, open: true }, BALANCE_ORDER, balanceKeyset, query);
    // Names as they are now, from the chart documents (a renamed client shows the new name).
    const charts = await this.readStore.collection<ChartDocument>(CHARTS).getMany(page.items.map((doc) => doc._id));
    const nameOf = (chartId: string) => {
      const profile = charts.get(chartId)?.profile;
      return profile ? `${profile.firstName} ${profile.lastName}`.trim() : '';
    };
    return {
      items: page.items.map((doc) => ({ chartId: doc._id, name: nameOf(doc._id), currency: doc.currency ?? '', balance: doc.balance, totals: doc.totals })),
      nextCursor: page.nextCursor,
    };
  }
}
