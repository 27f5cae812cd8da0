import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tagCatalogueStream } from '../../../../libs/events/src/streams';
import { tagCatalogueDecider, type TagCatalogueCommand } from '../../../../libs/domain/src/tags/tag-catalogue.decider';
import type { CommandEnvelope } from '../application/command-envelope';
import { CommandRunner } from '../application/command-runner';

export interface TagCatalogueResult {
  readonly tagId: string;
  readonly revision: number;
  readonly position: number;
}

export class ChangeTagCatalogueCommand extends Command<TagCatalogueResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly command: TagCatalogueCommand,
  ) {
    super();
  }
}

/** Every change of a practice's tag catalogue (its own stream, `tags-<practiceId>`). */
@CommandHandler(ChangeTagCatalogueCommand)
export class ChangeTagCatalogueHandler implements ICommandHandler<ChangeTagCatalogueCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, command }: ChangeTagCatalogueCommand): Promise<TagCatalogueResult> {
    const result = await this.runner.run(tagCatalogueDecider, tagCatalogueStream(command.practiceId), command, envelope);
    return { tagId: command.tagId, revision: result.revision, position: result.position };
  }
}
