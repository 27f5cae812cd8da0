import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { contactInputOf, memberInputOf } from './chart-refs';
import { CreateClientCommand, CreateGroupChartCommand, CreateMinorClientCommand } from './client.commands';
import { CreateClientRequestDto } from './create-client.request.dto';
import { CreateGroupChartRequestDto, CreateMinorClientRequestDto } from './create-chart.request.dto';

/** Creating clients: an individual, a minor with contacts, a couple / family / conjoint chart. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId')
export class ClientsController {
  constructor(private readonly sender: ChartCommandSender) {}

  @Post('clients')
  @RequiresPermission('clients:create')
  async create(@ChartCallParams() call: ChartCall, @Body() body: CreateClientRequestDto, @Res({ passthrough: true }) response: Response) {
    const envelope = this.sender.envelope(call, 'CreateClient');
    const answer = await this.sender.send(response, new CreateClientCommand(envelope, body.firstName, body.lastName, body.email ?? null));
    response.header('Location', `/practices/${call.practiceId}/charts/${answer.chartId}`);
    return { clientId: answer.chartId, position: answer.position };
  }

  @Post('clients/minors')
  @RequiresPermission('clients:create')
  async createMinor(@ChartCallParams() call: ChartCall, @Body() body: CreateMinorClientRequestDto, @Res({ passthrough: true }) response: Response) {
    const contacts = body.contacts.map((contact, i) => contactInputOf(contact, `contacts.${i}`));
    const envelope = this.sender.envelope(call, 'CreateMinorClient');
    const command = new CreateMinorClientCommand(envelope, body.firstName, body.lastName, body.email ?? null, contacts, body.portalAccess ?? 'neither');
    const answer = await this.sender.send(response, command);
    response.header('Location', `/practices/${call.practiceId}/charts/${answer.chartId}`);
    return { clientId: answer.chartId, ...answer };
  }

  @Post('group-charts')
  @RequiresPermission('clients:create')
  async createGroup(@ChartCallParams() call: ChartCall, @Body() body: CreateGroupChartRequestDto, @Res({ passthrough: true }) response: Response) {
    const members = body.members.map((member, i) => memberInputOf(member, `members.${i}`));
    const envelope = this.sender.envelope(call, 'CreateGroupChart');
    const answer = await this.sender.send(response, new CreateGroupChartCommand(envelope, body.kind, body.name, members));
    response.header('Location', `/practices/${call.practiceId}/charts/${answer.chartId}`);
    return answer;
  }
}
