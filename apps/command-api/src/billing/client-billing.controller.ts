import { Body, Controller, Delete, Get, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { chartStream } from '@practice/events';
import { chartDecider, chartNotFound, type OpenChart } from '@practice/domain';
import { HttpAnswer } from '../http/command-answer';
import { CommandRunner } from '../application/command-runner';
import { ChartReadAudit } from '../application/chart-read-audit';
import { CommandSender } from '../http/command-sender';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { ChartRecordSender } from '../chart-commands/chart-record-sender';
import { ApiChanged, ApiCreated, ApiRead } from '../http/api-answers';
import { ChartAnswerDto } from '../clients/clients.response.dto';
import { BillingSettingsRequestDto, InsurancePolicyPatchDto, InsurancePolicyRequestDto } from './client-billing.request.dto';
import { ChartBillingDto, InsurancePolicyAnswerDto } from './client-billing.response.dto';
import { SetBillingSettingsCommand } from './billing.commands';

const policiesOf = (chart: OpenChart) => Object.values(chart.billing.policies).sort((a, b) => a.rank.localeCompare(b.rank) || a.effectiveFrom.localeCompare(b.effectiveFrom) || a.policyId.localeCompare(b.policyId));

/** A client's billing data (wizard steps Billing Settings, Default Service, Insurance Policies). */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId')
export class ClientBillingController {
  constructor(
    private readonly sender: CommandSender,
    private readonly chartSender: ChartCommandSender,
    private readonly runner: CommandRunner,
    private readonly audit: ChartReadAudit,
    private readonly records: ChartRecordSender,
  ) {}

  @ApiRead("The chart's billing settings and insurance (a group's: its Identified Patient's policies)", ChartBillingDto, { etag: true })
  @Get('billing-settings')
  @RequiresPermission('billing:read')
  async billing(@ChartCallParams() call: ChartCall) {
    const { state, revision } = await this.runner.load(chartDecider, chartStream(call.chartId));
    if (state.status !== 'open' || state.practiceId !== call.practiceId) throw chartNotFound();
    await this.audit.record(call.actorUserId, call.practiceId, call.chartId, 'billing');
    const settings = state.billing.settings;
    let insurance = null;
    if (settings?.payer === 'insurance') {
      const patientId = state.kind === 'group' ? state.identifiedPatientId : state.chartId;
      const patient = patientId === state.chartId ? state : patientId === null ? null : (await this.runner.load(chartDecider, chartStream(patientId))).state;
      if (patient?.status === 'open' && patient.practiceId === call.practiceId) insurance = { chartId: patient.chartId, policies: policiesOf(patient) };
    }
    const body = {
      chartId: state.chartId,
      kind: state.kind,
      settings,
      policies: policiesOf(state),
      ...(state.kind === 'group' ? { billedMemberId: state.billingMemberId } : {}),
      insurance,
    };
    return new HttpAnswer(body, { revision });
  }

  @ApiChanged('Set the billing settings: payer, default service, who is billed', ChartAnswerDto)
  @Put('billing-settings')
  @RequiresPermission('billing:write')
  settings(@ChartCallParams() call: ChartCall, @Body() body: BillingSettingsRequestDto) {
    const envelope = this.sender.envelope(call, 'SetBillingSettings');
    const settings = { payer: body.payer, defaultServiceId: body.defaultServiceId ?? null, billTo: body.billTo, billingContactId: body.billingContactId ?? null };
    return this.chartSender.send(new SetBillingSettingsCommand(envelope, call.chartId, settings, call.ifMatch));
  }

  @ApiCreated('Add an insurance policy', InsurancePolicyAnswerDto)
  @Post('insurance-policies')
  @RequiresPermission('billing:write')
  addPolicy(@ChartCallParams() call: ChartCall, @Body() body: InsurancePolicyRequestDto) {
    return this.records.create(call, 'policy', 'AddInsurancePolicy', (envelope) => ({ type: 'AddInsurancePolicy', now: envelope.now, ...policyFields(body) }));
  }

  @ApiChanged('Replace an insurance policy', InsurancePolicyAnswerDto)
  @Put('insurance-policies/:policyId')
  @RequiresPermission('billing:write')
  replacePolicy(@ChartCallParams() call: ChartCall, @Param('policyId') policyId: string, @Body() body: InsurancePolicyRequestDto) {
    return this.records.change(call, 'policy', policyId, 'ChangeInsurancePolicy', (envelope) => ({ type: 'ChangeInsurancePolicy', now: envelope.now, ...policyFields(body) }));
  }

  @ApiChanged('Change some fields of an insurance policy (null clears an optional one)', InsurancePolicyAnswerDto)
  @Patch('insurance-policies/:policyId')
  @RequiresPermission('billing:write')
  patchPolicy(@ChartCallParams() call: ChartCall, @Param('policyId') policyId: string, @Body() body: InsurancePolicyPatchDto) {
    return this.records.change(call, 'policy', policyId, 'ChangeInsurancePolicy', (envelope) => ({ type: 'ChangeInsurancePolicy', now: envelope.now, ...body }));
  }

  @ApiChanged('Remove an insurance policy', InsurancePolicyAnswerDto)
  @Delete('insurance-policies/:policyId')
  @RequiresPermission('billing:write')
  removePolicy(@ChartCallParams() call: ChartCall, @Param('policyId') policyId: string) {
    return this.records.change(call, 'policy', policyId, 'RemoveInsurancePolicy', () => ({ type: 'RemoveInsurancePolicy' }));
  }
}

const policyFields = (body: InsurancePolicyRequestDto) => ({
  rank: body.rank,
  payerName: body.payerName,
  payerId: body.payerId,
  memberId: body.memberId,
  groupNumber: body.groupNumber ?? null,
  subscriberRelationship: body.subscriberRelationship,
  subscriberName: body.subscriberName ? { firstName: body.subscriberName.firstName, lastName: body.subscriberName.lastName } : null,
  subscriberDateOfBirth: body.subscriberDateOfBirth ?? null,
  effectiveFrom: body.effectiveFrom,
  effectiveTo: body.effectiveTo ?? null,
});
