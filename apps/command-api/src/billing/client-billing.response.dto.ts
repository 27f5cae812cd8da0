import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { billTos, insuranceRanks, payers, subscriberRelationships } from '@practice/events';
import { NULLABLE_STRING, OPEN_OBJECT, UUID } from '../http/answer.dto';
import { ChartAnswerDto } from '../clients/clients.response.dto';
import { PersonNameDto } from '../http/person-name.dto';

/** A nullable object of a documented class (OpenAPI 3.0 ignores `nullable` beside a bare $ref). */
const nullableRef = (type: new () => unknown, description?: string) => ({ ...OPEN_OBJECT, nullable: true, description: `${description ?? ''} (shape: ${type.name.replace(/Dto$/, '')})`.trim() });

export class InsurancePolicyAnswerDto extends ChartAnswerDto {
  @ApiProperty(UUID) policyId: string;
}

export class BillingSettingsDto {
  @ApiProperty({ enum: payers }) payer: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid' }) defaultServiceId: string | null;
  @ApiProperty({ enum: billTos }) billTo: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid' }) billingContactId: string | null;
}

export class InsurancePolicyDto {
  @ApiProperty(UUID) policyId: string;
  @ApiProperty({ enum: insuranceRanks }) rank: string;
  @ApiProperty() payerName: string;
  @ApiProperty() payerId: string;
  @ApiProperty() memberId: string;
  @ApiProperty(NULLABLE_STRING) groupNumber: string | null;
  @ApiProperty({ enum: subscriberRelationships }) subscriberRelationship: string;
  @ApiProperty(nullableRef(PersonNameDto)) subscriberName: PersonNameDto | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date' }) subscriberDateOfBirth: string | null;
  @ApiProperty({ type: String, format: 'date' }) effectiveFrom: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'date' }) effectiveTo: string | null;
}

export class BilledInsuranceDto {
  @ApiProperty({ ...UUID, description: "The chart whose policies are billed: the client's own, or a group's Identified Patient's" })
  chartId: string;
  @ApiProperty({ type: [InsurancePolicyDto] }) policies: InsurancePolicyDto[];
}

export class ChartBillingDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ enum: ['individual', 'minor', 'group'] }) kind: string;
  @ApiProperty(nullableRef(BillingSettingsDto, 'null until set')) settings: BillingSettingsDto | null;
  @ApiProperty({ type: [InsurancePolicyDto], description: "The chart's own policies (a group chart has none)" }) policies: InsurancePolicyDto[];
  @ApiPropertyOptional({ ...NULLABLE_STRING, format: 'uuid', description: "A group chart: the member billed (its Billing Contact)" }) billedMemberId?: string | null;
  @ApiProperty(nullableRef(BilledInsuranceDto, 'The policies billed when the payer is insurance; null with private pay or without an Identified Patient'))
  insurance: BilledInsuranceDto | null;
}
