import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chartStream, noteStream } from '@practice/events';
import { chartDecider, noteDecider, type NoteCommand } from '@practice/domain';
import { CommandRunner } from '../application/command-runner';
import { NoteCommandMessage, type NoteCommandResult } from './note.commands';

/**
 * The one handler of note commands: the chart in the path must be open in the caller's practice (its
 * stream is folded, so a deleted chart and another practice's chart are both "not found" and nothing
 * is appended); then read -> fold -> decide -> append on `note-<noteId>`.
 */
@CommandHandler(NoteCommandMessage)
export class NoteCommandHandler implements ICommandHandler<NoteCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, command, expectedRevision }: NoteCommandMessage): Promise<NoteCommandResult> {
    const practiceId = envelope.practiceId!;
    const { state: chart } = await this.runner.load(chartDecider, chartStream(command.chartId));
    const chartFound = chart.status === 'open' && chart.practiceId === practiceId;
    const full = { ...command, practiceId, actorUserId: envelope.actorUserId!, chartFound } as NoteCommand;
    const result = await this.runner.run(noteDecider, noteStream(command.noteId), full, envelope, { expectedRevision });
    return {
      noteId: command.noteId,
      chartId: command.chartId,
      revision: result.revision,
      position: result.position,
      ...(command.type === 'AddNoteAddendum' ? { addendumId: command.addendumId } : {}),
    };
  }
}
