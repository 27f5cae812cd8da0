import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userStream } from '../../../../libs/events/src/streams';
import { userDecider } from '../../../../libs/domain/src/user/user.decider';
import { CommandRunner } from '../application/command-runner';
import { ChangeUserCommand, type UserCommandResult } from './user.commands';

@CommandHandler(ChangeUserCommand)
export class ChangeUserHandler implements ICommandHandler<ChangeUserCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, userId, command, expectedRevision }: ChangeUserCommand): Promise<UserCommandResult> {
    const result = await this.runner.run(userDecider, userStream(userId), command, envelope, { expectedRevision });
    return { revision: result.revision, position: result.position };
  }
}
