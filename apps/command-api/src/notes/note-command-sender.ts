import { Injectable } from '@nestjs/common';
import { CommandSender } from '../http/command-sender';
import type { ChartCall } from '../chart-commands/chart-call';
import { NoteCommandMessage, type NoteChange, type NoteCommandResult } from './note.commands';

const answerOf = ({ noteId, chartId, revision, addendumId }: NoteCommandResult) => ({ noteId, chartId, revision, ...(addendumId ? { addendumId } : {}) });

/** The note routes' use of the CommandSender: the envelope from the call, ids made from it, one answer shape. */
@Injectable()
export class NoteCommandSender {
  constructor(private readonly sender: CommandSender) {}

  /**
   * `build` gets the envelope's id maker, so a retry with the same Idempotency-Key makes the same note
   * and addendum ids. A creation (a note, an addendum) has no revision to compare: If-Match is for the
   * changes of a note (edit, sign).
   */
  send(call: ChartCall, commandType: NoteChange['type'], build: (newId: (purpose: string) => string) => NoteChange) {
    const envelope = this.sender.envelope(call, commandType);
    const command = build((purpose) => envelope.newId(purpose));
    const creates = command.type === 'WriteNote' || command.type === 'AddNoteAddendum';
    const location = command.type === 'WriteNote' ? (result: NoteCommandResult) => `/practices/${call.practiceId}/charts/${result.chartId}/notes/${result.noteId}` : undefined;
    return this.sender.send(new NoteCommandMessage(envelope, command, creates ? undefined : call.ifMatch), answerOf, location);
  }
}
