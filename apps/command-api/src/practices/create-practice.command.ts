import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope } from '../application/command-envelope';

export interface CreatePracticeResult {
  readonly practiceId: string;
  readonly revision: number;
  readonly position: number;
}

export class CreatePracticeCommand extends Command<CreatePracticeResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly name: string,
  ) {
    super();
  }
}
