import { ApiProperty } from '@nestjs/swagger';
import { NULLABLE_STRING, UUID } from '../http/answer.dto';

/** The answer classes of the superbill: they document the JSON answer (the PDF says the same). */
export class SuperbillNameDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class SuperbillAddressDto {
  @ApiProperty() line1: string;
  @ApiProperty(NULLABLE_STRING) line2: string | null;
  @ApiProperty(NULLABLE_STRING) city: string | null;
  @ApiProperty(NULLABLE_STRING) region: string | null;
  @ApiProperty(NULLABLE_STRING) postalCode: string | null;
  @ApiProperty(NULLABLE_STRING) country: string | null;
}

export class SuperbillPeriodDto {
  @ApiProperty({ type: String, format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date' }) to: string;
}

export class SuperbillGroupDto {
  @ApiProperty() name: string;
}

export class SuperbillClientDto {
  @ApiProperty({ ...UUID, description: "The client's id: a group chart's Identified Patient" }) clientId: string;
  @ApiProperty({ type: SuperbillNameDto, description: 'The legal name when set, else the name' }) name: SuperbillNameDto;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dateOfBirth: string | null;
  @ApiProperty({ type: SuperbillAddressDto, nullable: true }) address: SuperbillAddressDto | null;
}

export class SuperbillPracticeDto {
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SuperbillAddressDto, nullable: true, description: 'null: the practice has no address recorded' }) address: SuperbillAddressDto | null;
}

export class SuperbillLicenseDto {
  @ApiProperty(NULLABLE_STRING) type: string | null;
  @ApiProperty(NULLABLE_STRING) number: string | null;
  @ApiProperty(NULLABLE_STRING) state: string | null;
}

export class SuperbillPractitionerDto {
  @ApiProperty(UUID) userId: string;
  @ApiProperty({ type: SuperbillNameDto, nullable: true, description: 'The legal name when set, else the name' }) name: SuperbillNameDto | null;
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
  @ApiProperty({ type: SuperbillGroupDto, nullable: true, description: 'The group chart billed (its Identified Patient is the client)' }) group: SuperbillGroupDto | null;
  @ApiProperty({ type: SuperbillClientDto }) client: SuperbillClientDto;
  @ApiProperty({ type: [String], description: 'ICD-10-CM codes in order; empty when none are recorded' }) diagnosisCodes: string[];
  @ApiProperty({ type: SuperbillPracticeDto }) practice: SuperbillPracticeDto;
  @ApiProperty({ type: [SuperbillPractitionerDto], description: 'Who provided the services listed' }) practitioners: SuperbillPractitionerDto[];
  @ApiProperty({ ...NULLABLE_STRING, description: 'ISO 4217; null when the chart has no charges' }) currency: string | null;
  @ApiProperty({ type: [SuperbillServiceDto], description: 'By date of service' }) services: SuperbillServiceDto[];
  @ApiProperty({ type: SuperbillTotalsDto }) totals: SuperbillTotalsDto;
}
