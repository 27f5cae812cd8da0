import { ApiProperty } from '@nestjs/swagger';
import { chargeKinds } from '@practice/events';
import { NULLABLE_STRING, PageDto, UUID } from '../http/answer.dto';
import { PaymentDto } from './payments.dto';

export class LedgerChargeDto {
  @ApiProperty(UUID) chargeId: string;
  @ApiProperty(UUID) appointmentId: string;
  @ApiProperty({ type: String, format: 'date', description: "The session's day (UTC)" }) date: string;
  @ApiProperty({ type: String, format: 'date-time' }) start: string;
  @ApiProperty({ enum: chargeKinds }) kind: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid' }) serviceId: string | null;
  @ApiProperty(NULLABLE_STRING) serviceCode: string | null;
  @ApiProperty(NULLABLE_STRING) serviceName: string | null;
  @ApiProperty(UUID) practitionerId: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ type: 'integer', description: 'Applied payments minus refunds taken back' }) paid: number;
}

export class LedgerRefundDto {
  @ApiProperty(UUID) refundId: string;
  @ApiProperty({ type: 'integer' }) amount: number;
  @ApiProperty({ type: String, format: 'date' }) date: string;
}

export class LedgerPaymentDto extends PaymentDto {
  @ApiProperty({ type: [LedgerRefundDto] }) refunds: LedgerRefundDto[];
}

export class LedgerTotalsDto {
  @ApiProperty({ type: 'integer' }) charged: number;
  @ApiProperty({ type: 'integer' }) paid: number;
  @ApiProperty({ type: 'integer' }) refunded: number;
  @ApiProperty({ type: 'integer', description: 'charged − paid + refunded: above 0 owed, below 0 a credit' }) balance: number;
}

export class LedgerDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty(NULLABLE_STRING) currency: string | null;
  @ApiProperty({ type: [LedgerChargeDto] }) charges: LedgerChargeDto[];
  @ApiProperty({ type: [LedgerPaymentDto] }) payments: LedgerPaymentDto[];
  @ApiProperty({ type: LedgerTotalsDto }) totals: LedgerTotalsDto;
}

export class OpenBalanceDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ description: "The client's (or group chart's) name as it is now" }) name: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: 'integer' }) balance: number;
  @ApiProperty({ type: LedgerTotalsDto }) totals: LedgerTotalsDto;
}

export class OpenBalancesPageDto extends PageDto {
  @ApiProperty({ type: [OpenBalanceDto], description: 'Largest balance first, then chart id' }) items: OpenBalanceDto[];
}


