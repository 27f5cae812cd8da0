import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiProduces, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { SuperbillDto } from './superbill.response.dto';
import { ApiNotAcceptable, PROBLEM_CONTENT } from '../http/api-answers';

export const PDF = 'application/pdf';

/**
 * The superbill read: one operation, two representations chosen by `Accept` (JSON by default, the
 * PDF for `application/pdf`), each with its own schema; plus the refusals a period and a group chart add.
 */
export const ApiSuperbill = () =>
  applyDecorators(
    ApiExtraModels(SuperbillDto),
    ApiOperation({
      summary: 'The superbill of a chart for a period, as JSON or as a PDF',
      description:
        'The client (legal name when set, date of birth, address), diagnosis codes, the practitioners who provided the services ' +
        "(legal name when set, NPI, taxonomy code, license), the practice, and each service of the period (date, code, fee, paid) with totals. " +
        "A group chart's superbill shows its Identified Patient. `Accept: application/pdf` answers the PDF (an attachment), JSON by default (the type Accept prefers, highest q first); an Accept that refuses both is 406. " +
        'The read is recorded in the chart read log; a refusal is application/problem+json with a stable code.',
    }),
    ApiProduces('application/json', PDF),
    ApiResponse({
      status: 200,
      description: 'The superbill',
      headers: {
        'Content-Disposition': {
          description: 'With the PDF: attachment; filename="superbill-<from>-<to>.pdf"',
          schema: { type: 'string', example: 'attachment; filename="superbill-2026-01-01-2026-03-31.pdf"' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(SuperbillDto) } },
        [PDF]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
    ApiNotAcceptable(),
    ApiResponse({ status: 409, description: 'A group chart without an Identified Patient', content: PROBLEM_CONTENT }),
    ApiResponse({ status: 422, description: '`from` or `to` is not a calendar date from 1900-01-01 on, they run backwards, or the period is too long (InvalidPeriod naming the parameter)', content: PROBLEM_CONTENT }),
  );
