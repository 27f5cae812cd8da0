import { Body, Controller, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommandSender } from '../http/command-sender';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { ChartCallParams, type ChartCall } from '../chart-commands/chart-call';
import { uuidParam } from '../chart-commands/path-params';
import { ApiCreated } from '../http/api-answers';
import { PaymentAnswerDto, RecordPaymentRequestDto, RefundAnswerDto, RefundPaymentRequestDto } from './payments.dto';

/** The Payments tab: payments applied to a chart's charges, and refunds of them. */
@ApiTags('billing')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/charts/:chartId/payments')
export class PaymentsController {
  constructor(private readonly sender: CommandSender) {}

  @ApiCreated('Record a payment, applied to charges of the chart (the rest is a credit)', PaymentAnswerDto)
  @Post()
  @RequiresPermission('payments:write')
  record(@ChartCallParams() call: ChartCall, @Body() body: RecordPaymentRequestDto) {
    const { chartId, practiceId } = call;
    const applications = (body.applications ?? []).map(({ chargeId, amount }) => ({ chargeId, amount }));
    return this.sender.changeWith(
      call,
      'chart',
      chartId,
      'RecordPayment',
      (envelope) => ({
        type: 'RecordPayment' as const, chartId, practiceId, paymentId: envelope.newId('paymentId'),
        amount: body.amount, currency: body.currency, method: body.method, date: body.date, reference: body.reference ?? null, applications,
      }),
      (command, result) => ({ chartId, revision: result.revision, paymentId: command.paymentId }),
    );
  }

  @ApiCreated('Refund (part of) a payment', RefundAnswerDto)
  @Post(':paymentId/refunds')
  @RequiresPermission('payments:write')
  refund(@ChartCallParams() call: ChartCall, @Param('paymentId') paymentId: string, @Body() body: RefundPaymentRequestDto) {
    const { chartId, practiceId } = call;
    const id = uuidParam(paymentId, 'paymentId');
    return this.sender.changeWith(
      call,
      'chart',
      chartId,
      'RefundPayment',
      (envelope) => ({ type: 'RefundPayment' as const, chartId, practiceId, paymentId: id, refundId: envelope.newId('refundId'), amount: body.amount, date: body.date }),
      (command, result) => ({ chartId, revision: result.revision, paymentId: id, refundId: command.refundId }),
    );
  }
}
