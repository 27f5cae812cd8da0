import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { practiceStream } from '@practice/events';
import { practiceDecider } from '@practice/domain';
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
