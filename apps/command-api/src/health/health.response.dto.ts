import { ApiProperty } from '@nestjs/swagger';
import { OPEN_OBJECT } from '../http/answer.dto';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
  @ApiProperty({ ...OPEN_OBJECT, description: 'headPosition: the last log position' }) eventStore: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The projector status and its lag (events and seconds behind)' }) projector: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The outbox: queued, sending, failed, sent and parked messages, and lagSeconds (how long the oldest due message has waited)' }) outbox: object;
}
