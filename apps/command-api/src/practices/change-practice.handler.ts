import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { practiceStream } from '../../../../libs/events/src/streams';
import { practiceDecider } from '../../../../libs/domain/src/practice/practice.decider';
import { CommandRunner } from '../application/command-runner';
import { ChangePracticeCommand, type StreamCommandResult } from './practice.commands';

@CommandHandler(ChangePracticeCommand)
export class ChangePracticeHandler implements ICommandHandler<ChangePracticeCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, practiceId, command, expectedRevision }: ChangePracticeCommand): Promise<StreamCommandResult> {
    const result = await this.runner.run(practiceDecider, practiceStream(practiceId), command, envelope, { expectedRevision });
    return { revision: result.revision, position: result.position };
  }
}
