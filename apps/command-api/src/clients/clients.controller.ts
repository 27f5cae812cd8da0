import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { HttpAnswer } from '../http/command-answer';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { contactInputOf, memberInputOf } from '../chart-commands/chart-refs';
import { CreateClientCommand, CreateGroupChartCommand, CreateMinorClientCommand } from './client.commands';
import { CreateClientRequestDto } from './create-client.request.dto';
import { CreateGroupChartRequestDto, CreateMinorClientRequestDto } from './create-chart.request.dto';
import { ApiCreated } from '../http/api-answers';
import { ClientCreatedDto, GroupChartCreatedDto, MinorCreatedDto } from './clients.response.dto';

/** Where a created chart is read. */
const chartUrl = (call: ChartCall) => (result: { chartId: string }) => `/practices/${call.practiceId}/charts/${result.chartId}`;

/** Creating clients: an individual, a minor with contacts, a couple / family / conjoint chart. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class ClientsController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiCreated('Create an individual client', ClientCreatedDto, { location: true })
  @Post('clients')
  @RequiresPermission('clients:create')
  async create(@ChartCallParams() call: ChartCall, @Body() body: CreateClientRequestDto) {
    const envelope = this.sender.envelope(call, 'CreateClient');
    const answer = await this.sender.send(new CreateClientCommand(envelope, body.firstName, body.lastName, body.email ?? null), chartUrl(call));
    return new HttpAnswer({ clientId: answer.body.chartId, position: answer.body.position }, answer.headers);
  }

  @ApiCreated('Create a minor client with contacts', MinorCreatedDto, { location: true })
  @Post('clients/minors')
  @RequiresPermission('clients:create')
  async createMinor(@ChartCallParams() call: ChartCall, @Body() body: CreateMinorClientRequestDto) {
    const contacts = body.contacts.map((contact, i) => contactInputOf(contact, `contacts.${i}`));
    const envelope = this.sender.envelope(call, 'CreateMinorClient');
    const command = new CreateMinorClientCommand(envelope, body.firstName, body.lastName, body.email ?? null, contacts, body.portalAccess ?? 'neither');
    const answer = await this.sender.send(command, chartUrl(call));
    return new HttpAnswer({ clientId: answer.body.chartId, ...answer.body }, answer.headers);
  }

  @ApiCreated('Create a couple, family or conjoint chart', GroupChartCreatedDto, { location: true })
  @Post('group-charts')
  @RequiresPermission('clients:create')
  createGroup(@ChartCallParams() call: ChartCall, @Body() body: CreateGroupChartRequestDto) {
    const members = body.members.map((member, i) => memberInputOf(member, `members.${i}`));
    const envelope = this.sender.envelope(call, 'CreateGroupChart');
    return this.sender.send(new CreateGroupChartCommand(envelope, body.kind, body.name, members), chartUrl(call));
  }
}
