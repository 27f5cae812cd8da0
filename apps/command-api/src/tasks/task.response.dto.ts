import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAnswerDto, DATE_TIME, NULLABLE_STRING, OPEN_OBJECT, PageDto, UUID } from '../http/answer.dto';

export class TaskAnswerDto extends CommandAnswerDto {
  @ApiProperty(UUID) taskId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The task revision: send it back in If-Match' }) revision: number;
}

export class TaskAssigneeAnswerDto {
  @ApiProperty({ enum: ['client', 'contact', 'member'] }) kind: string;
  @ApiPropertyOptional(UUID) contactId?: string;
  @ApiPropertyOptional(UUID) clientId?: string;
}

/** Who completed a task or a document request. */
export type TaskCompleterDto = { kind: 'staff'; userId: string } | { kind: 'client' };

export class TaskDto {
  @ApiProperty(UUID) taskId: string;
  @ApiProperty(UUID) chartId: string;
  @ApiProperty({ type: TaskAssigneeAnswerDto }) assignee: TaskAssigneeAnswerDto;
  @ApiProperty() title: string;
  @ApiProperty(NULLABLE_STRING) description: string | null;
  @ApiProperty({ example: '2030-01-15', description: 'YYYY-MM-DD' }) dueDate: string;
  @ApiProperty({ enum: ['open', 'done', 'cancelled'] }) status: string;
  @ApiProperty({ description: "Open and past its due date in the practice's day (UTC): derived when read" }) overdue: boolean;
  @ApiProperty(DATE_TIME) assignedAt: string;
  @ApiProperty({ ...UUID, nullable: true, description: 'The member of the practice who assigned it' }) assignedBy: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) completedAt: string | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: "Who completed it: { kind: 'staff', userId } (a member of the practice) or { kind: 'client' } (through the portal)" }) completedBy: TaskCompleterDto | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'The task revision: send it back in If-Match' }) revision: number;
}

export class TasksPageDto extends PageDto {
  @ApiProperty({ type: [TaskDto] }) items: TaskDto[];
}

export class OverdueTaskDto extends TaskDto {
  @ApiProperty({ description: "The chart's name: the client's first and last name, or the group chart's name" }) chartName: string;
}

export class OverdueTasksPageDto extends PageDto {
  @ApiProperty({ type: [OverdueTaskDto] }) items: OverdueTaskDto[];
}
