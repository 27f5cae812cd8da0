import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { ChartCommandSender } from '../chart-commands/chart-command-sender';
import { BookAppointmentCommand } from '../clients/client.commands';
import { BookAppointmentRequestDto } from '../chart-commands/client-record.request.dto';
import { uuidParam } from '../chart-commands/path-params';
import { ApiChanged, ApiCreated } from '../http/api-answers';
import { AppointmentBookedDto, ChartAnswerDto } from '../clients/clients.response.dto';
import { RescheduleAppointmentRequestDto } from './reschedule-appointment.request.dto';

/** Appointments of one chart: enough for the profile's Book Appointment and its stats. */
@ApiTags('appointments')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/appointments')
export class AppointmentsController {
  constructor(private readonly sender: ChartCommandSender) {}

  @ApiCreated('Book an appointment', AppointmentBookedDto)
  @Post()
  @RequiresPermission('appointments:write')
  book(@ChartCallParams() call: ChartCall, @Body() body: BookAppointmentRequestDto) {
    const envelope = this.sender.envelope(call, 'BookAppointment');
    return this.sender.send(new BookAppointmentCommand(envelope, call.chartId, body.start, body.durationMinutes, body.practitionerId, call.ifMatch, { serviceId: body.serviceId, fee: body.fee }));
  }

  @ApiChanged('Cancel an appointment', ChartAnswerDto)
  @Post(':appointmentId/cancel')
  @HttpCode(200)
  @RequiresPermission('appointments:write')
  cancel(@ChartCallParams() call: ChartCall, @Param('appointmentId') appointmentId: string) {
    return this.sender.change(call, { type: 'CancelAppointment', appointmentId: uuidParam(appointmentId, 'appointmentId') });
  }

  @ApiChanged('Mark an appointment completed', ChartAnswerDto)
  @Post(':appointmentId/complete')
  @HttpCode(200)
  @RequiresPermission('appointments:write')
  complete(@ChartCallParams() call: ChartCall, @Param('appointmentId') appointmentId: string) {
    return this.sender.change(call, {
      type: 'CompleteAppointment',
      appointmentId: uuidParam(appointmentId, 'appointmentId'),
    });
  }

  @ApiChanged('Move an appointment to a new start (and length); its reminder moves with it', ChartAnswerDto)
  @Post(':appointmentId/reschedule')
  @HttpCode(200)
  @RequiresPermission('appointments:write')
  reschedule(@ChartCallParams() call: ChartCall, @Param('appointmentId') appointmentId: string, @Body() body: RescheduleAppointmentRequestDto) {
    return this.sender.change(call, {
      type: 'RescheduleAppointment',
      appointmentId: uuidParam(appointmentId, 'appointmentId'),
      start: body.start,
      ...(body.durationMinutes === undefined ? {} : { durationMinutes: body.durationMinutes }),
    });
  }
}
