import { Module } from '@nestjs/common';
import { NoteCommandHandler } from './note-command.handler';
import { NoteCommandSender } from './note-command-sender';
import { NotesAwaitingSignatureController } from './notes-awaiting-signature.controller';
import { NotesController } from './notes.controller';

/** Clinical notes of charts (the Notes tab) and the practice's notes awaiting signature. */
@Module({
  controllers: [NotesController, NotesAwaitingSignatureController],
  providers: [NoteCommandSender, NoteCommandHandler],
})
export class NotesModule {}
