import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, tagCatalogueStream } from '@practice/events';
import { chartDecider, tagCatalogueDecider } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { TagClientCommand, type ChartCommandResult } from '../clients/client.commands';

/** Tags a client with a tag of the practice's catalogue (looked up in `tags-<practiceId>`). */
@CommandHandler(TagClientCommand)
export class TagClientHandler implements ICommandHandler<TagClientCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, chartId, tagId, expectedRevision }: TagClientCommand): Promise<ChartCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state: catalogue } = await this.runner.load(tagCatalogueDecider, tagCatalogueStream(practiceId));
    const tagDefined = catalogue.tags[tagId] !== undefined;
    const result = await this.runner.run(chartDecider, chartStream(chartId), { type: 'TagClient', chartId, practiceId, tagId, tagDefined }, envelope, {
      expectedRevision,
    });
    return { chartId, revision: result.revision, position: result.position };
  }
}
