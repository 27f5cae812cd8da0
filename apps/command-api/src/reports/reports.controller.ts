import { Controller, Get, Headers, Inject, Param, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { hasPermission } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import { isReportName, isRevenueReportName, readReport, reportNames, reportPermissions, REPORTS, REVENUE } from '@practice/read-models';
import { ReadModelFreshness } from '../application/read-model-freshness';
import { ReportReadAudit } from '../application/report-read-audit';
import { ConsistencyToken } from '../http/headers';
import { ApiNotAcceptable, ApiRead } from '../http/api-answers';
import { Ctx, type RequestContext } from '../http/request-context';
import { Keyset, limitOf, PageQueryDto } from '../http/keyset-page';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { problem, ProblemException } from '../http/problem';
import { READ_STORE } from '../infrastructure/tokens';
import { reportCsv } from './report-csv';
import { parseReportParameters } from './report-parameters';
import { ReportQueryDto } from './report.query.dto';
import { ReportDto, ReportReadsPageDto } from './report.response.dto';
import { TextAnswer, TextAnswerInterceptor } from './text-answer';
import { answerType } from '../http/accept';

const readsKeyset = new Keyset('report-reads', ['string', 'string']);

/**
 * CSV when the Accept header prefers it to JSON (qualities weighed, the first named among equals); JSON
 * otherwise; 406 NotAcceptable when the header refuses both.
 */
const formatOf = (accept: string | undefined): 'csv' | 'json' => (answerType(accept, ['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');

/** The reports of a practice, kept by the report projection, as JSON or CSV; every read is recorded. */
@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@UseInterceptors(TextAnswerInterceptor)
@Controller('practices/:practiceId')
export class ReportsController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly audit: ReportReadAudit,
  ) {}

  @ApiOperation({
    summary: 'A report of the practice, by period, as JSON or CSV',
    description:
      'Counts per period (day, week from Monday, month) in the practice time zone, read from the report projection. ' +
      '`Accept: text/csv` answers CSV (a header line of the columns), JSON by default (the type Accept prefers, highest q first; 406 when it refuses both); every read is recorded for auditors (who, which report, ' +
      'parameters, when). A bad parameter is 422 InvalidReportParameter naming it; a refusal is application/problem+json.',
  })
  @ApiExtraModels(ReportDto)
  @ApiParam({ name: 'name', enum: reportNames, description: 'Which report (the README lists their columns)' })
  @ApiHeader({ name: 'Accept', required: false, description: '`text/csv` for CSV, `application/json` (the default) for JSON: the highest q, the first named among equals; 406 when it refuses both', schema: { type: 'string' } })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotAcceptable()
  @ApiResponse({
    status: 200,
    description: 'The report',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReportDto) } },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180, a header line of the columns, CRLF line ends' } },
    },
  })
  @Get('reports/:name')
  @RequiresPermission('reports:read')
  async report(
    @Param('practiceId') practiceId: string,
    @Param('name') name: string,
    @Query() query: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Ctx() ctx: RequestContext,
    @ConsistencyToken() token: number | undefined,
  ) {
    if (!isReportName(name)) throw new ProblemException(problem('ReportNotFound', `No report is named ${JSON.stringify(name.slice(0, 60))}`));
    const parameters = parseReportParameters(query);
    // A report never holds what the caller's role may not read.
    const missing = reportPermissions[name].find((permission) => ctx.role === null || !hasPermission(ctx.role, permission));
    if (missing !== undefined) {
      throw new ProblemException(problem('Forbidden', `The report ${name} needs ${missing}`, { permission: missing }));
    }
    const format = formatOf(accept);
    await this.freshness.awaitPosition(token, [isRevenueReportName(name) ? REVENUE : REPORTS]);
    const report = await readReport(this.readStore, practiceId, name, parameters);
    await this.audit.record({ userId: ctx.actorUserId!, practiceId, report: name, format, parameters });
    if (format === 'json') return report;
    return new TextAnswer(reportCsv(report), 'text/csv', `${name}_${parameters.from}_${parameters.to}_${parameters.granularity}.csv`);
  }

  @ApiRead('Who read which report of the practice, and when', ReportReadsPageDto, {
    description: 'Every report read (JSON or CSV): who, which report, the parameters and the format, when; oldest first, keyset-paged. Never the report data.',
  })
  @Get('report-reads')
  @RequiresPermission('reports:audit')
  async reads(@Param('practiceId') practiceId: string, @Query() query: PageQueryDto) {
    const [at, id] = query.cursor === undefined ? [] : (readsKeyset.decode(query.cursor) as string[]);
    const limit = limitOf(query);
    const rows = await this.audit.readsOf(practiceId, { after: at === undefined ? undefined : { at, id }, limit: limit + 1 });
    const page = readsKeyset.page(rows, limit, (read) => [read.at, read.id]);
    return { items: page.items.map(({ userId, report, format, parameters, at: when }) => ({ userId, report, format, parameters, at: when })), nextCursor: page.nextCursor };
  }
}
