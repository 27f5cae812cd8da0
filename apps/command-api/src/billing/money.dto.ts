import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Money is an integer amount of minor units (cents) and an ISO 4217 currency: never a float. */
export class MoneyDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100_000_000, example: 15000, description: 'Minor units (cents): 15000 is 150.00' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount: number;

  @ApiProperty({ example: 'USD', pattern: '^[A-Z]{3}$', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency: string;
}
