import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class RescheduleAppointmentRequestDto {
  @ApiProperty({ example: '2030-01-02T10:00:00Z' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)(Z|[+-]\d{2}:\d{2})$/, { message: 'start must be an ISO-8601 date-time with offset' })
  start: string;

  @ApiPropertyOptional({ example: 50, description: 'Unset: the length stays' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes?: number;
}
