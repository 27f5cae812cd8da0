import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fileDecider } from '@practice/domain';
import { fileStream } from '@practice/events';
import { CommandRunner } from '../application/command-runner';
import { commandEnvelope } from '../application/command-envelope';
import { assertOpenChartOfPractice } from '../chart-queries/open-chart';
import { DeleteFileCommand, type FileCommandResult } from './file.commands';

/** Hides a file of the chart (FileDeleted); its bytes stay in the blob store (see README "Files"). */
@CommandHandler(DeleteFileCommand)
export class DeleteFileHandler implements ICommandHandler<DeleteFileCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ call, fileId }: DeleteFileCommand): Promise<FileCommandResult> {
    const { practiceId, chartId } = call;
    await assertOpenChartOfPractice(this.runner, practiceId, chartId);
    const envelope = commandEnvelope({
      commandType: 'DeleteFile',
      actorUserId: call.actorUserId,
      practiceId,
      idempotencyKey: call.idempotencyKey,
      correlationId: call.correlationId,
    });
    const result = await this.runner.run(fileDecider, fileStream(fileId), { type: 'DeleteFile', practiceId, chartId, fileId }, envelope, {
      expectedRevision: call.ifMatch,
    });
    return { fileId, chartId, revision: result.revision, position: result.position };
  }
}
