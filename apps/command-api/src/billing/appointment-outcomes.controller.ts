import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { uuidParam } from '../chart-commands/path-params';
import { ApiChanged } from '../http/api-answers';
import { ChartAnswerDto } from '../clients/clients.response.dto';
import { CloseAppointmentCommand } from './billing.commands';

/** Late cancellation and no-show: statuses of their own, charged with the practice's fees. */
@ApiTags('appointments')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/appointments')
export class AppointmentOutcomesController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiChanged('Late-cancel an appointment (charges the late-cancel fee of the practice settings)', ChartAnswerDto)
  @Post(':appointmentId/late-cancel')
  @HttpCode(200)
  @RequiresPermission('appointments:write')
  lateCancel(@ChartCallParams() call: ChartCall, @Param('appointmentId') appointmentId: string) {
    return this.close(call, appointmentId, 'late-cancel');
  }

  @ApiChanged('Mark a no-show once the appointment started (charges the no-show fee of the practice settings)', ChartAnswerDto)
  @Post(':appointmentId/no-show')
  @HttpCode(200)
  @RequiresPermission('appointments:write')
  noShow(@ChartCallParams() call: ChartCall, @Param('appointmentId') appointmentId: string) {
    return this.close(call, appointmentId, 'no-show');
  }

  private close(call: ChartCall, appointmentId: string, outcome: 'late-cancel' | 'no-show') {
    const id = uuidParam(appointmentId, 'appointmentId');
    const envelope = this.sender.envelope(call, outcome === 'late-cancel' ? 'LateCancelAppointment' : 'MarkAppointmentNoShow');
    return this.sender.send(new CloseAppointmentCommand(envelope, call.chartId, id, outcome, call.ifMatch));
  }
}
