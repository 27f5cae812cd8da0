import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { calendarDateMs } from '@practice/domain';
import { problem, ProblemException, type FieldError } from '../http/problem';
import type { Period } from './superbill';

/** The longest period one superbill covers, in days (both ends included): a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

export class SuperbillQueryDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01', description: 'The first day of service included (YYYY-MM-DD, from 1900-01-01 on)' })
  @IsString()
  from: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-03-31',
    description: `The last day of service included (YYYY-MM-DD, from 1900-01-01 on); not before \`from\`, at most ${MAX_PERIOD_DAYS} days after it counting both`,
  })
  @IsString()
  to: string;
}

const DAY_MS = 86_400_000;

const invalidPeriod = (parameter: 'from' | 'to', message: string): ProblemException => {
  const error: FieldError = { field: parameter, in: 'query', message };
  return new ProblemException(problem('InvalidPeriod', `${parameter} ${message}`, { errors: [error] }));
};

/** The period of a superbill request, or 422 InvalidPeriod naming the parameter at fault. */
export const periodOf = (query: SuperbillQueryDto): Period => {
  const from = calendarDateMs(query.from);
  if (from === null) throw invalidPeriod('from', 'must be a calendar date (YYYY-MM-DD) from 1900');
  const to = calendarDateMs(query.to);
  if (to === null) throw invalidPeriod('to', 'must be a calendar date (YYYY-MM-DD) from 1900');
  if (to < from) throw invalidPeriod('to', 'must not be before from');
  if ((to - from) / DAY_MS + 1 > MAX_PERIOD_DAYS) throw invalidPeriod('to', `must be at most ${MAX_PERIOD_DAYS} days from from, both included`);
  return { from: query.from, to: query.to };
};
