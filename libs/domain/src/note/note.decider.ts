import type { NoteEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { chartNotFound } from '../chart/chart.guards';

/**
 * A clinical note of a chart (stream `note-<noteId>`). Unsigned, only its author edits it; signed, it
 * never changes again and is amended by addenda. Every version is an event of the stream.
 */
export type NoteState =
  | { readonly status: 'none' }
  | {
      readonly status: 'unsigned' | 'signed';
      readonly noteId: string;
      readonly chartId: string;
      readonly practiceId: string;
      readonly authorUserId: string;
      readonly body: string;
      readonly sharedWithClient: boolean;
      readonly addendumIds: readonly string[];
    };
type ExistingNote = Exclude<NoteState, { status: 'none' }>;

/**
 * What every note command carries: the note, the chart and practice of the path, who asks, and whether
 * the chart is open in that practice (the handler folds the chart stream: another practice's chart and
 * a deleted one are both "not found").
 */
interface NoteCommandBase {
  readonly noteId: string;
  readonly chartId: string;
  readonly practiceId: string;
  readonly actorUserId: string;
  readonly chartFound: boolean;
}

export interface WriteNote extends NoteCommandBase {
  readonly type: 'WriteNote';
  readonly body: string;
  readonly sharedWithClient: boolean;
}
/** A field left out keeps its value. */
export interface EditNote extends NoteCommandBase {
  readonly type: 'EditNote';
  readonly body?: string;
  readonly sharedWithClient?: boolean;
}
export interface SignNote extends NoteCommandBase {
  readonly type: 'SignNote';
}
export interface AddNoteAddendum extends NoteCommandBase {
  readonly type: 'AddNoteAddendum';
  readonly addendumId: string;
  readonly body: string;
}
export type NoteCommand = WriteNote | EditNote | SignNote | AddNoteAddendum;

/** Characters, not UTF-16 units: an emoji counts once. */
export const NOTE_BODY_MAX = 10_000;

export const noteNotFound = (): DomainError => new DomainError('NoteNotFound', 'not_found', 'No such note on this chart');

/** The body as kept: trimmed at both ends (the lines inside stay as written), not blank, bounded. */
const noteBody = (body: string, field = 'body'): string => {
  const trimmed = body.trim();
  if (trimmed.length === 0) throw invalid('NoteBodyRequired', field, 'must not be empty');
  if ([...trimmed].length > NOTE_BODY_MAX) throw invalid('TextTooLong', field, `must be at most ${NOTE_BODY_MAX} characters`);
  return trimmed;
};

/** The note of this chart and practice, or "not found" (a note of another chart or practice alike). */
const noteOf = (command: NoteCommandBase, state: NoteState): ExistingNote => {
  if (!command.chartFound) throw chartNotFound();
  if (state.status === 'none' || state.practiceId !== command.practiceId || state.chartId !== command.chartId) throw noteNotFound();
  return state;
};

const assertAuthor = (note: ExistingNote, actorUserId: string, doing: string): void => {
  if (note.authorUserId !== actorUserId) {
    throw new DomainError('NotTheNoteAuthor', 'forbidden', `Only the author of a note ${doing} it`);
  }
};

const assertUnsigned = (note: ExistingNote, doing: string): void => {
  if (note.status === 'signed') {
    throw new DomainError('NoteAlreadySigned', 'conflict', `A signed note cannot be ${doing}; add an addendum instead`);
  }
};

const writeNote = (command: WriteNote, state: NoteState): NoteEvent[] => {
  if (!command.chartFound) throw chartNotFound();
  if (state.status !== 'none') throw new DomainError('NoteAlreadyExists', 'conflict', 'A note with this id already exists');
  const { noteId, chartId, practiceId, actorUserId, sharedWithClient } = command;
  const body = noteBody(command.body);
  return [{ type: 'NoteWritten', data: { noteId, chartId, practiceId, authorUserId: actorUserId, body, sharedWithClient } }];
};

const editNote = (command: EditNote, state: NoteState): NoteEvent[] => {
  const note = noteOf(command, state);
  assertUnsigned(note, 'edited');
  assertAuthor(note, command.actorUserId, 'edits');
  const body = command.body === undefined ? note.body : noteBody(command.body);
  const sharedWithClient = command.sharedWithClient ?? note.sharedWithClient;
  if (body === note.body && sharedWithClient === note.sharedWithClient) return [];
  return [{ type: 'NoteEdited', data: { noteId: note.noteId, chartId: note.chartId, body, sharedWithClient } }];
};

/** The author signs: the signature attests that the note is theirs and complete. */
const signNote = (command: SignNote, state: NoteState): NoteEvent[] => {
  const note = noteOf(command, state);
  assertUnsigned(note, 'signed again');
  assertAuthor(note, command.actorUserId, 'signs');
  return [{ type: 'NoteSigned', data: { noteId: note.noteId, chartId: note.chartId, signedByUserId: command.actorUserId } }];
};

/** An addendum amends a signed note; an unsigned note is edited instead. */
const addAddendum = (command: AddNoteAddendum, state: NoteState): NoteEvent[] => {
  const note = noteOf(command, state);
  if (note.status !== 'signed') {
    throw new DomainError('NoteNotSigned', 'conflict', 'An unsigned note is edited, not amended; sign it first');
  }
  if (note.addendumIds.includes(command.addendumId)) return [];
  const body = noteBody(command.body);
  return [
    {
      type: 'NoteAddendumAdded',
      data: { noteId: note.noteId, chartId: note.chartId, addendumId: command.addendumId, authorUserId: command.actorUserId, body },
    },
  ];
};

export const decide = (command: NoteCommand, state: NoteState): NoteEvent[] => {
  switch (command.type) {
    case 'WriteNote':
      return writeNote(command, state);
    case 'EditNote':
      return editNote(command, state);
    case 'SignNote':
      return signNote(command, state);
    case 'AddNoteAddendum':
      return addAddendum(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: NoteState, event: NoteEvent): NoteState => {
  switch (event.type) {
    case 'NoteWritten': {
      const { noteId, chartId, practiceId, authorUserId, body, sharedWithClient } = event.data;
      return { status: 'unsigned', noteId, chartId, practiceId, authorUserId, body, sharedWithClient, addendumIds: [] };
    }
    case 'NoteEdited':
      return state.status === 'none' ? state : { ...state, body: event.data.body, sharedWithClient: event.data.sharedWithClient };
    case 'NoteSigned':
      return state.status === 'none' ? state : { ...state, status: 'signed' };
    case 'NoteAddendumAdded':
      return state.status === 'none' ? state : { ...state, addendumIds: [...state.addendumIds, event.data.addendumId] };
    default:
      return assertNever(event);
  }
};

export const initialState = (): NoteState => ({ status: 'none' });

export const noteDecider: Decider<NoteCommand, NoteState, NoteEvent> = { decide, evolve, initialState };
