import { Command } from '@nestjs/cqrs';
import type { NoteCommand } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A note command as a route builds it: the practice, the actor and the chart check come from the handler. */
export type NoteChange = DistributiveOmit<NoteCommand, 'practiceId' | 'actorUserId' | 'chartFound'>;

export interface NoteCommandResult {
  readonly noteId: string;
  readonly chartId: string;
  readonly revision: number;
  readonly position: number;
  readonly addendumId?: string;
}

/** Every note command: its note stream, with the revision the caller saw (If-Match). */
export class NoteCommandMessage extends Command<NoteCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly command: NoteChange,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}
