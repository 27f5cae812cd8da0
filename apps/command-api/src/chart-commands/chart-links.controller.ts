import { Body, Controller, Delete, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { contactInputOf, memberInputOf } from './chart-refs';
import { AddChartContactCommand, AddChartMemberCommand, RemoveChartContactCommand, RemoveChartMemberCommand } from '../clients/client.commands';
import { ChartContactLinkDto, GroupMemberDto } from '../clients/create-chart.request.dto';
import { ContactRolesRequestDto, DesignateMemberRequestDto, MemberSettingsRequestDto } from './client-record.request.dto';
import { uuidParam } from './path-params';
import { ApiChanged, ApiCreated } from '../http/api-answers';
import { ChartAnswerDto, ChartContactAddedDto, ChartMemberAddedDto } from '../clients/clients.response.dto';

/** Members of group charts and contacts of individual / minor charts. */
@ApiTags('charts')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class ChartLinksController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiCreated('Add a member (new or an existing client) to a group chart', ChartMemberAddedDto)
  @Post('charts/:chartId/members')
  @RequiresPermission('clients:write')
  addMember(@ChartCallParams() call: ChartCall, @Body() body: GroupMemberDto) {
    const member = memberInputOf(body, 'member');
    const envelope = this.sender.envelope(call, 'AddChartMember');
    return this.sender.send(new AddChartMemberCommand(envelope, call.chartId, member, call.ifMatch));
  }

  @ApiChanged('Remove a member from a group chart', ChartAnswerDto)
  @Delete('charts/:chartId/members/:clientId')
  @RequiresPermission('clients:write')
  removeMember(@ChartCallParams() call: ChartCall, @Param('chartId') chartId: string) {
    // ChartCallParams reads :clientId first; the chart here is :chartId and the client is the member.
    const memberId = call.chartId;
    const envelope = this.sender.envelope(call, 'RemoveChartMember');
    return this.sender.send(new RemoveChartMemberCommand(envelope, uuidParam(chartId, 'chartId'), memberId, call.ifMatch));
  }

  @ApiChanged('Change the settings of a group chart member', ChartAnswerDto)
  @Put('charts/:chartId/members/:clientId/settings')
  @RequiresPermission('clients:write')
  memberSettings(
    @ChartCallParams() call: ChartCall,
    @Param('chartId') chartId: string,
    @Body() body: MemberSettingsRequestDto,
  ) {
    const memberId = call.chartId;
    return this.sender.change({ ...call, chartId: uuidParam(chartId, 'chartId') }, { type: 'ChangeChartMemberSettings', clientId: memberId, ...body });
  }

  @ApiChanged('Designate the identified patient of a group chart', ChartAnswerDto)
  @Put('charts/:chartId/identified-patient')
  @RequiresPermission('clients:write')
  identifiedPatient(@ChartCallParams() call: ChartCall, @Body() body: DesignateMemberRequestDto) {
    return this.sender.change(call, { type: 'DesignateIdentifiedPatient', clientId: body.clientId });
  }

  @ApiChanged('Designate the billing contact of a group chart', ChartAnswerDto)
  @Put('charts/:chartId/billing-contact')
  @RequiresPermission('clients:write')
  billingContact(@ChartCallParams() call: ChartCall, @Body() body: DesignateMemberRequestDto) {
    return this.sender.change(call, { type: 'DesignateGroupBillingContact', clientId: body.clientId });
  }

  @ApiCreated('Link a contact (new, an existing contact or a client) to a chart', ChartContactAddedDto)
  @Post('clients/:clientId/contacts')
  @RequiresPermission('clients:write')
  addContact(@ChartCallParams() call: ChartCall, @Body() body: ChartContactLinkDto) {
    const contact = contactInputOf(body, 'contact');
    const envelope = this.sender.envelope(call, 'AddChartContact');
    return this.sender.send(new AddChartContactCommand(envelope, call.chartId, contact, call.ifMatch));
  }

  @ApiChanged('Change the roles of a contact on a chart', ChartAnswerDto)
  @Put('clients/:clientId/contacts/:contactId/roles')
  @RequiresPermission('clients:write')
  contactRoles(
    @ChartCallParams() call: ChartCall,
    @Param('contactId') contactId: string,
    @Body() body: ContactRolesRequestDto,
  ) {
    return this.sender.change(call, { type: 'ChangeChartContactRoles', contactId: uuidParam(contactId, 'contactId'), roles: { ...body } });
  }

  @ApiChanged('Unlink a contact from a chart', ChartAnswerDto)
  @Delete('clients/:clientId/contacts/:contactId')
  @RequiresPermission('clients:write')
  removeContact(@ChartCallParams() call: ChartCall, @Param('contactId') contactId: string) {
    const envelope = this.sender.envelope(call, 'RemoveChartContact');
    return this.sender.send(new RemoveChartContactCommand(envelope, call.chartId, uuidParam(contactId, 'contactId'), call.ifMatch));
  }
}
