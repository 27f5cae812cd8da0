import { ApiProperty } from '@nestjs/swagger';
import type { Address } from '@practice/events';
import { NULLABLE_STRING, OPEN_OBJECT, UUID } from '../http/answer.dto';

// A nullable object is documented open, as the other answers do (a $ref cannot be null in OpenAPI 3.0).
const ADDRESS = { ...OPEN_OBJECT, nullable: true, description: 'line1, line2, city, region, postalCode, country; null when none is recorded' } as const;

/** The answer classes of the superbill: they document the JSON answer (the PDF says the same). */
export class SuperbillNameDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class SuperbillPeriodDto {
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
}

export class SuperbillClientDto {
  @ApiProperty({ ...UUID, description: "The client's id: a group chart's Identified Patient" }) clientId: string;
  @ApiProperty({ type: SuperbillNameDto, description: 'The legal name when set, else the name' }) name: SuperbillNameDto;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty(ADDRESS) address: Address | null;
}

export class SuperbillPracticeDto {
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty() name: string;
  @ApiProperty({ ...ADDRESS, description: 'The practice address when it has one (none is recorded yet in this core: null)' }) address: Address | null;
}

export class SuperbillLicenseDto {
  @ApiProperty(NULLABLE_STRING) type: string | null;
  @ApiProperty(NULLABLE_STRING) number: string | null;
  @ApiProperty(NULLABLE_STRING) state: string | null;
}

export class SuperbillPractitionerDto {
  @ApiProperty(UUID) userId: string;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'firstName and lastName: the legal name when set, else the name; null if the profile is gone' }) name: SuperbillNameDto | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'National Provider Identifier' }) npi: string | null;
  @ApiProperty(NULLABLE_STRING) taxonomyCode: string | null;
  @ApiProperty({ type: SuperbillLicenseDto }) license: SuperbillLicenseDto;
}

export class SuperbillServiceDto {
  @ApiProperty() chargeId: string;
  @ApiProperty({ type: String, format: 'date' }) date: string;
  @ApiProperty({ enum: ['session', 'late-cancel', 'no-show'] }) kind: string;
  @ApiProperty({ description: 'The service code (e.g. CPT)' }) serviceCode: string;
  @ApiProperty() serviceName: string;
  @ApiProperty() practitionerId: string;
  @ApiProperty({ type: 'integer', description: 'Integer minor units of currency' }) fee: number;
  @ApiProperty({ type: 'integer', description: 'Integer minor units of currency' }) paid: number;
}

export class SuperbillTotalsDto {
  @ApiProperty({ type: 'integer' }) fee: number;
  @ApiProperty({ type: 'integer' }) paid: number;
  @ApiProperty({ type: 'integer', description: 'fee - paid' }) balance: number;
}

export class SuperbillDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ enum: ['individual', 'minor', 'group'] }) kind: string;
  @ApiProperty({ type: SuperbillPeriodDto }) period: SuperbillPeriodDto;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: '`name` of the group chart billed (its Identified Patient is the client); null on other charts' }) group: { name: string } | null;
  @ApiProperty({ type: SuperbillClientDto }) client: SuperbillClientDto;
  @ApiProperty({ type: [String], description: 'ICD-10-CM codes in order; empty when none are recorded' }) diagnosisCodes: string[];
  @ApiProperty({ type: SuperbillPracticeDto }) practice: SuperbillPracticeDto;
  @ApiProperty({ type: [SuperbillPractitionerDto], description: 'Who provided the services listed' }) practitioners: SuperbillPractitionerDto[];
  @ApiProperty({ ...NULLABLE_STRING, description: 'ISO 4217; null when the chart has no charges' }) currency: string | null;
  @ApiProperty({ type: [SuperbillServiceDto], description: 'By date of service' }) services: SuperbillServiceDto[];
  @ApiProperty({ type: SuperbillTotalsDto }) totals: SuperbillTotalsDto;
}
