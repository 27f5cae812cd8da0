import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../http/keyset-page';
import { IsOmittable } from '../http/optional.decorator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Who does the task: the chart's client, a contact of a minor's chart, or one member of a group chart. */
export class TaskAssigneeDto {
  @ApiProperty({ enum: ['client', 'contact', 'member'] }) @IsIn(['client', 'contact', 'member']) kind: 'client' | 'contact' | 'member';
  @ApiPropertyOptional({ format: 'uuid', description: "With kind `contact`: a contact linked to this minor's chart" })
  @ValidateIf((assignee: TaskAssigneeDto) => assignee.kind === 'contact' || assignee.contactId !== undefined)
  @IsUUID()
  contactId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'With kind `member`: a member of this group chart' })
  @ValidateIf((assignee: TaskAssigneeDto) => assignee.kind === 'member' || assignee.clientId !== undefined)
  @IsUUID()
  clientId?: string;
}

/** Title, description and due date: the part of a task that is edited (PUT replaces all three). */
export class TaskDetailsRequestDto {
  @ApiProperty({ example: 'Thought record, three times this week', maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: 'Left out or null: no description' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string | null;
  @ApiProperty({ example: '2030-01-15', description: 'YYYY-MM-DD; the task is overdue from the next day while open' })
  @Matches(DATE, { message: 'dueDate must be YYYY-MM-DD' })
  dueDate: string;
}

export class AssignTaskRequestDto extends TaskDetailsRequestDto {
  @ApiPropertyOptional({ type: TaskAssigneeDto, description: 'Left out: the client of an individual or minor chart' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => TaskAssigneeDto)
  assignee?: TaskAssigneeDto;
}

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES) status?: (typeof TASK_STATUSES)[number];
}
