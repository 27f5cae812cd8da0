import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { practiceStream } from '../../../../libs/events/src/streams';
import { practiceDecider } from '../../../../libs/domain/src/practice/practice.decider';
import { CommandRunner } from '../application/command-runner';
import { CreatePracticeCommand, type CreatePracticeResult } from './create-practice.command';

@CommandHandler(CreatePracticeCommand)
export class CreatePracticeHandler implements ICommandHandler<CreatePracticeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, name }: CreatePracticeCommand): Promise<CreatePracticeResult> {
    const practiceId = envelope.practiceId!;
    const result = await this.runner.run(
      practiceDecider,
      practiceStream(practiceId),
      { type: 'CreatePractice', practiceId, name, ownerUserId: envelope.actorUserId! },
      envelope,
    );
    return { practiceId, revision: result.revision, position: result.position };
  }
}
