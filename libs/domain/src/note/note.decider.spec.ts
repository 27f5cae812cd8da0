import { deciderSpec } from '../../../../test/support/decider-spec';
import type { NoteEvent } from '@practice/events';
import { noteDecider, NOTE_BODY_MAX } from './note.decider';

const spec = deciderSpec(noteDecider);
const noteId = 'n-1';
const chartId = 'c-1';
const practiceId = 'p-1';
const author = 'u-author';
const other = 'u-other';
const on = { noteId, chartId, practiceId, chartFound: true };

const written: NoteEvent = {
  type: 'NoteWritten',
  data: { noteId, chartId, practiceId, authorUserId: author, body: 'Session 1: anxiety at work.', sharedWithClient: false },
};
const signed: NoteEvent = { type: 'NoteSigned', data: { noteId, chartId, signedByUserId: author } };

describe('Note decider', () => {
  describe('when there is no note', () => {
    it('writes one with a trimmed body, kept within the practice unless shared', () => {
      spec
        .given([])
        .when({ type: 'WriteNote', ...on, actorUserId: author, body: '  Session 1: anxiety at work.\n', sharedWithClient: false })
        .then([written]);
    });

    it('keeps the lines and any script of the body, and counts characters, not UTF-16 units', () => {
      const body = '🙂'.repeat(NOTE_BODY_MAX);
      spec
        .given([])
        .when({ type: 'WriteNote', ...on, actorUserId: author, body, sharedWithClient: true })
        .then([{ type: 'NoteWritten', data: { noteId, chartId, practiceId, authorUserId: author, body, sharedWithClient: true } }]);
      spec.given([]).when({ type: 'WriteNote', ...on, actorUserId: author, body: `${body}x`, sharedWithClient: true }).thenThrows('TextTooLong', 'body');
    });

    it('refuses a blank body', () => {
      spec.given([]).when({ type: 'WriteNote', ...on, actorUserId: author, body: ' \n\t ', sharedWithClient: false }).thenThrows('NoteBodyRequired', 'body');
    });

    it('refuses a chart that is not open in the practice (another practice, deleted, none)', () => {
      spec.given([]).when({ type: 'WriteNote', ...on, chartFound: false, actorUserId: author, body: 'x', sharedWithClient: false }).thenThrows('ChartNotFound');
    });

    it('has nothing to edit, sign or amend', () => {
      spec.given([]).when({ type: 'EditNote', ...on, actorUserId: author, body: 'x' }).thenThrows('NoteNotFound');
      spec.given([]).when({ type: 'SignNote', ...on, actorUserId: author }).thenThrows('NoteNotFound');
      spec.given([]).when({ type: 'AddNoteAddendum', ...on, actorUserId: author, addendumId: 'a-1', body: 'x' }).thenThrows('NoteNotFound');
    });
  });

  describe('when the note is unsigned', () => {
    it('refuses the same id again', () => {
      spec.given([written]).when({ type: 'WriteNote', ...on, actorUserId: author, body: 'x', sharedWithClient: false }).thenThrows('NoteAlreadyExists');
    });

    it('lets its author edit it; the event holds the whole new version', () => {
      spec
        .given([written])
        .when({ type: 'EditNote', ...on, actorUserId: author, body: 'Session 1: anxiety at work; sleep poor.' })
        .then([{ type: 'NoteEdited', data: { noteId, chartId, body: 'Session 1: anxiety at work; sleep poor.', sharedWithClient: false } }]);
      spec
        .given([written])
        .when({ type: 'EditNote', ...on, actorUserId: author, sharedWithClient: true })
        .then([{ type: 'NoteEdited', data: { noteId, chartId, body: 'Session 1: anxiety at work.', sharedWithClient: true } }]);
    });

    it('records nothing for an edit that changes nothing', () => {
      spec.given([written]).when({ type: 'EditNote', ...on, actorUserId: author, body: ' Session 1: anxiety at work. ' }).then([]);
      spec.given([written]).when({ type: 'EditNote', ...on, actorUserId: author }).then([]);
    });

    it('refuses an edit or a signature by anyone but the author', () => {
      spec.given([written]).when({ type: 'EditNote', ...on, actorUserId: other, body: 'mine now' }).thenThrows('NotTheNoteAuthor');
      spec.given([written]).when({ type: 'SignNote', ...on, actorUserId: other }).thenThrows('NotTheNoteAuthor');
    });

    it('refuses a blank body on edit', () => {
      spec.given([written]).when({ type: 'EditNote', ...on, actorUserId: author, body: '  ' }).thenThrows('NoteBodyRequired', 'body');
    });

    it('is signed by its author', () => {
      spec.given([written]).when({ type: 'SignNote', ...on, actorUserId: author }).then([signed]);
    });

    it('takes no addendum: an unsigned note is edited', () => {
      spec.given([written]).when({ type: 'AddNoteAddendum', ...on, actorUserId: author, addendumId: 'a-1', body: 'x' }).thenThrows('NoteNotSigned');
    });

    it('is not found through another chart or another practice', () => {
      spec.given([written]).when({ type: 'EditNote', ...on, chartId: 'c-2', actorUserId: author, body: 'x' }).thenThrows('NoteNotFound');
      spec.given([written]).when({ type: 'SignNote', ...on, practiceId: 'p-2', actorUserId: author }).thenThrows('NoteNotFound');
    });

    it('is not found once its chart is gone', () => {
      spec.given([written]).when({ type: 'EditNote', ...on, chartFound: false, actorUserId: author, body: 'x' }).thenThrows('ChartNotFound');
    });
  });

  describe('when the note is signed', () => {
    it('cannot be edited, by anyone, nor signed again', () => {
      spec.given([written, signed]).when({ type: 'EditNote', ...on, actorUserId: author, body: 'changed' }).thenThrows('NoteAlreadySigned');
      spec.given([written, signed]).when({ type: 'EditNote', ...on, actorUserId: other, sharedWithClient: true }).thenThrows('NoteAlreadySigned');
      spec.given([written, signed]).when({ type: 'SignNote', ...on, actorUserId: author }).thenThrows('NoteAlreadySigned');
    });

    it('is amended by an addendum of any writer, with its author and body', () => {
      spec
        .given([written, signed])
        .when({ type: 'AddNoteAddendum', ...on, actorUserId: other, addendumId: 'a-1', body: ' Late entry: client called. ' })
        .then([{ type: 'NoteAddendumAdded', data: { noteId, chartId, addendumId: 'a-1', authorUserId: other, body: 'Late entry: client called.' } }]);
    });

    it('adds an addendum once per id, and refuses a blank one', () => {
      const added: NoteEvent = { type: 'NoteAddendumAdded', data: { noteId, chartId, addendumId: 'a-1', authorUserId: author, body: 'x' } };
      spec.given([written, signed, added]).when({ type: 'AddNoteAddendum', ...on, actorUserId: author, addendumId: 'a-1', body: 'x' }).then([]);
      spec.given([written, signed]).when({ type: 'AddNoteAddendum', ...on, actorUserId: author, addendumId: 'a-2', body: '' }).thenThrows('NoteBodyRequired', 'body');
    });
  });
});
