import { Body, Controller, Delete, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { DeleteClientCommand, SendPortalInvitationCommand } from '../clients/client.commands';
import { ClientPortalAccessRequestDto, MinorPortalAccessRequestDto } from './client-record.request.dto';
import { ApiChanged } from '../http/api-answers';
import { ChartAnswerDto } from '../clients/clients.response.dto';

/** Status and quick actions: portal invitation, portal access, deactivate, reactivate, delete. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/clients/:clientId')
export class ClientStatusController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiChanged('Invite the client to the portal', ChartAnswerDto)
  @Post('portal/invitation')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  invite(@ChartCallParams() call: ChartCall) {
    return this.sender.send(new SendPortalInvitationCommand(this.sender.envelope(call, 'InviteToPortal'), call.chartId, false, call.ifMatch));
  }

  @ApiChanged('Resend the portal invitation', ChartAnswerDto)
  @Post('portal/invitation/resend')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  resend(@ChartCallParams() call: ChartCall) {
    return this.sender.send(new SendPortalInvitationCommand(this.sender.envelope(call, 'ResendPortalInvitation'), call.chartId, true, call.ifMatch));
  }

  /** Called when the client accepts the invitation in the portal. */
  @ApiChanged('Record that the client accepted the portal invitation', ChartAnswerDto)
  @Post('portal/invitation/accept')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  accept(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'AcceptPortalInvitation' });
  }

  @ApiChanged('Turn portal access on or off', ChartAnswerDto)
  @Put('portal/access')
  @RequiresPermission('clients:write')
  portalAccess(@ChartCallParams() call: ChartCall, @Body() body: ClientPortalAccessRequestDto) {
    return this.sender.change(call, { type: 'SetClientPortalAccess', enabled: body.enabled });
  }

  @ApiChanged('Set who of a minor has portal access', ChartAnswerDto)
  @Put('portal/minor-access')
  @RequiresPermission('clients:write')
  minorPortalAccess(@ChartCallParams() call: ChartCall, @Body() body: MinorPortalAccessRequestDto) {
    return this.sender.change(call, { type: 'SetMinorPortalAccess', access: body.access });
  }

  @ApiChanged('Deactivate the client', ChartAnswerDto)
  @Post('deactivate')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  deactivate(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'DeactivateClient' });
  }

  @ApiChanged('Reactivate the client', ChartAnswerDto)
  @Post('reactivate')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  reactivate(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'ReactivateClient' });
  }

  @ApiChanged('Delete the client (refused while linked to other charts)', ChartAnswerDto)
  @Delete()
  @RequiresPermission('clients:write')
  remove(@ChartCallParams() call: ChartCall) {
    const envelope = this.sender.envelope(call, 'DeleteClient');
    return this.sender.send(new DeleteClientCommand(envelope, call.chartId, call.ifMatch));
  }
}
