import { Body, Controller, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ApiChanged } from '../http/api-answers';
import { ChartAnswerDto } from '../clients/clients.response.dto';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { codesOf, SetDiagnosisCodesRequestDto } from './diagnosis-codes.request.dto';

/**
 * A client's diagnosis codes: clinical data, recorded by clinicians (`diagnoses:write`; billers read
 * them on superbills but never write them).
 */
@ApiTags('charts')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId')
export class DiagnosisCodesController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiChanged('Replace the diagnosis codes (ICD-10-CM, in order) of an individual or minor chart', ChartAnswerDto)
  @Put('diagnosis-codes')
  @RequiresPermission('diagnoses:write')
  setDiagnosisCodes(@ChartCallParams() call: ChartCall, @Body() body: SetDiagnosisCodesRequestDto) {
    return this.sender.change(call, { type: 'SetDiagnosisCodes', codes: codesOf(body) });
  }
}
