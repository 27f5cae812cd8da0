import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAnswerDto, NULLABLE_STRING, PageDto, UUID, OPEN_OBJECT } from '../http/answer.dto';

/** A command on a chart: the chart, its new revision (also the ETag) and the log position. */
export class ChartAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The chart revision: send it back in If-Match' }) revision: number;
}

export class ClientCreatedDto extends CommandAnswerDto {
  @ApiProperty({ ...UUID, description: 'The client id, which is also its chart id' }) clientId: string;
}

export class MinorCreatedDto extends ChartAnswerDto {
  @ApiProperty({ ...UUID, description: 'The client id, which is also its chart id' }) clientId: string;
  @ApiProperty({ type: [String], description: 'The contacts linked, in the order given' }) contactIds: string[];
}

export class GroupChartCreatedDto extends ChartAnswerDto {
  @ApiProperty({ type: [String], description: "The members' client ids, in the order given" }) memberIds: string[];
}

export class ChartMemberAddedDto extends ChartAnswerDto {
  @ApiProperty(UUID) clientId: string;
}

export class ChartContactAddedDto extends ChartAnswerDto {
  @ApiProperty(UUID) contactId: string;
}

export class AppointmentBookedDto extends ChartAnswerDto {
  @ApiProperty(UUID) appointmentId: string;
}

export class ContactAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) contactId: string;
  @ApiPropertyOptional({ type: 'integer' }) revision?: number;
}

export class TagAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) tagId: string;
}

export class TagDto {
  @ApiProperty(UUID) tagId: string;
  @ApiProperty() name: string;
}

export class TagsPageDto extends PageDto {
  @ApiProperty({ type: [TagDto] }) items: TagDto[];
}

export class ContactDto {
  @ApiProperty(UUID) contactId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true }) email?: string | null;
  @ApiPropertyOptional(NULLABLE_STRING) phone?: string | null;
}

export class ContactsPageDto extends PageDto {
  @ApiProperty({ type: [ContactDto] }) items: ContactDto[];
}

export class PersonNameAnswerDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class ClientListItemDto {
  @ApiProperty(UUID) clientId: string;
  @ApiProperty({ enum: ['individual', 'minor', 'group'] }) kind: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'firstName and lastName' }) legalName: PersonNameAnswerDto | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) email: string | null;
  @ApiProperty(NULLABLE_STRING) phone: string | null;
  @ApiProperty({ enum: ['Active', 'Pending', 'Inactive'] }) status: string;
  @ApiProperty({ type: [TagDto] }) tags: TagDto[];
  @ApiProperty() incomplete: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class ClientListPageDto extends PageDto {
  @ApiProperty({ type: [ClientListItemDto] }) items: ClientListItemDto[];
}

export class NeedsAttentionItemDto {
  @ApiProperty({ description: '<chartId>:<reason>' }) id: string;
  @ApiProperty({ enum: ['ClientSetupIncomplete', 'MinorWithoutBillingContact', 'GroupChartWithoutIdentifiedPatient', 'GroupChartWithoutBillingContact'] })
  reason: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ type: String, format: 'date-time' }) since: string;
}

export class NeedsAttentionPageDto extends PageDto {
  @ApiProperty({ type: [NeedsAttentionItemDto] }) items: NeedsAttentionItemDto[];
}

/** The chart document of the profile screen. Nested parts are described in the README. */
export class ChartTasksSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) open: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) overdue: number;
}

export class ChartDocumentRequestsSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) open: number;
}

export class ChartDocumentDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty(UUID) practiceId: string;
  @ApiProperty({ enum: ['individual', 'minor', 'group'] }) kind: string;
  @ApiProperty({ ...OPEN_OBJECT, description: 'Name, photo, email, phone, status, date of birth, age' }) profile: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'Date of birth, age, address, occupation, ..., tags' }) overview: object;
  @ApiProperty(OPEN_OBJECT) identity: object;
  @ApiProperty(OPEN_OBJECT) setup: object;
  @ApiProperty(OPEN_OBJECT) portal: object;
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) contacts: object[];
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: 'Present on group charts' }) group: object | null;
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) appointments: object[];
  @ApiProperty({ ...OPEN_OBJECT, description: 'The Notes tab: total, awaitingSignature (no body)' }) notes: object;
  @ApiPropertyOptional({ type: [String], description: 'ICD-10-CM codes in order; only for roles with diagnoses:read' }) diagnosisCodes?: string[];
  @ApiProperty({ ...OPEN_OBJECT, description: 'Appointments: total, upcoming, completed, cancelled, lateCancelled, noShow' }) stats: object;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The Payments tab totals in minor units: currency, charged, paid, refunded, balance (charges − payments + refunds)' })
  balance: object;
  @ApiProperty({ type: ChartTasksSummaryDto, description: "Open tasks, and of those the ones past their due date (the practice's day, UTC)" }) tasks: ChartTasksSummaryDto;
  @ApiProperty({ type: ChartDocumentRequestsSummaryDto, description: 'Document requests of this chart still open' }) documentRequests: ChartDocumentRequestsSummaryDto;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The Files tab: count of the documents shown' }) files: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'Appointment reminders: how many people they reach (recipients) and, when the client gets none, why (reason; null otherwise)' })
  reminders: object;
}

export class ChartEventDto {
  @ApiProperty() type: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision: number;
  @ApiProperty(OPEN_OBJECT) data: object;
}

export class ChartHistoryDto extends PageDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The current revision' }) revision: number;
  @ApiProperty({ type: [ChartEventDto], description: 'Oldest first' }) events: ChartEventDto[];
  @ApiPropertyOptional({ ...OPEN_OBJECT, description: 'With asOfRevision: the chart as it stood then' }) stateAsOf?: object;
}

export class ChartReadDto {
  @ApiProperty(UUID) userId: string;
  @ApiProperty({ enum: ['chart', 'history', 'notes', 'note', 'note-history', 'superbill', 'billing', 'payments', 'ledger', 'tasks', 'document-requests', 'files', 'file'], description: 'files: the Files list; file: a download' }) view: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}

export class ChartReadsDto extends PageDto {
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: [ChartReadDto] }) reads: ChartReadDto[];
}
