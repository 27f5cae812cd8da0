import { ApiProperty } from '@nestjs/swagger';
import { CommandAnswerDto, UUID } from '../http/answer.dto';

export class SignedUpDto extends CommandAnswerDto {
  @ApiProperty(UUID) userId: string;
}

export class SignedInDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty(UUID) userId: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires' }) expiresIn: number;
}
