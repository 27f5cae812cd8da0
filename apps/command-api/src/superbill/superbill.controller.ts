import { Controller, Get, Headers, Inject, Param, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadStore } from '@practice/read-store';
import { chartNotFound } from '@practice/domain';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ChartReadAudit } from '../application/chart-read-audit';
import { CurrentUser, type AuthenticatedUser } from '../http/auth.guard';
import { answerType } from '../http/accept';
import { ConsistencyToken } from '../http/headers';
import { isUuid, PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { READ_STORE } from '../infrastructure/tokens';
import { ApiSuperbill, PDF } from './api-superbill';
import { assembleSuperbill } from './superbill';
import { periodOf, SuperbillQueryDto } from './superbill-period';
import { renderSuperbillPdf } from './superbill-pdf';
import { SUPERBILL_READ_MODELS, superbillSources } from './superbill-sources';

/** Whether `Accept` prefers the PDF to JSON (JSON when it names neither, or both equally); 406 NotAcceptable when it refuses both. */
export const wantsPdf = (accept: string | undefined): boolean => answerType(accept, ['application/json', PDF]) === PDF;

/**
 * The superbill: the one document of the product that prints legal names (the client's and the
 * practitioners'), as the help centre says ("for use on claims and superbills").
 */
@ApiTags('reads')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class SuperbillController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ChartReadAudit,
  ) {}

  @ApiSuperbill()
  @Get('charts/:chartId/superbill')
  @RequiresPermission('superbills:read')
  async superbill(
    @Param('practiceId') practiceId: string,
    @Param('chartId') chartId: string,
    @Query() query: SuperbillQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @ConsistencyToken() token: number | undefined,
  ) {
    if (!isUuid(chartId)) throw chartNotFound();
    const period = periodOf(query);
    const asPdf = wantsPdf(accept);
    await this.freshness.awaitPosition(token, SUPERBILL_READ_MODELS);
    const sources = await superbillSources(this.readStore, practiceId, chartId, period);
    await this.audit.record(user.userId, practiceId, chartId, 'superbill');
    // A group chart's superbill discloses its Identified Patient's details: a read of that chart too.
    if (sources.patient._id !== chartId) await this.audit.record(user.userId, practiceId, sources.patient._id, 'superbill');
    const bill = assembleSuperbill(sources);
    if (!asPdf) return bill;
    const pdf = renderSuperbillPdf(bill, { issuedOn: new Date().toISOString().slice(0, 10) });
    return new StreamableFile(pdf, { type: PDF, disposition: `attachment; filename="superbill-${period.from}-${period.to}.pdf"` });
  }
}
