import type { FileEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { sanitizeFileName } from './file-name';

/**
 * A document uploaded to a chart (stream `file-<fileId>`). The application checks the chart and stores
 * the bytes before it decides: the decider records what was stored (name, type found in the bytes, size,
 * SHA-256) and whether the file is still shown. A file of another chart or practice does not exist.
 */
export type FileState =
  | { readonly status: 'none' }
  | {
      readonly status: 'uploaded';
      readonly practiceId: string;
      readonly chartId: string;
      readonly fileName: string;
      readonly contentType: string;
      readonly size: number;
      readonly sha256: string;
    }
  | { readonly status: 'deleted'; readonly practiceId: string; readonly chartId: string };

export interface UploadFile {
  readonly type: 'UploadFile';
  readonly practiceId: string;
  readonly chartId: string;
  readonly fileId: string;
  /** As the client sent it; kept sanitized. */
  readonly fileName: string | null;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

export interface DeleteFile {
  readonly type: 'DeleteFile';
  readonly practiceId: string;
  readonly chartId: string;
  readonly fileId: string;
}

export type FileCommand = UploadFile | DeleteFile;

export const fileNotFound = (): DomainError => new DomainError('FileNotFound', 'not_found', 'No such file on this chart');

const uploadFile = (command: UploadFile, state: FileState): FileEvent[] => {
  if (state.status !== 'none') throw new DomainError('FileAlreadyExists', 'conflict', 'A file with this id already exists');
  const { fileId, chartId, practiceId, contentType, size, sha256 } = command;
  return [{ type: 'FileUploaded', data: { fileId, chartId, practiceId, fileName: sanitizeFileName(command.fileName), contentType, size, sha256 } }];
};

/** Hides the file. Deleting a deleted file, or one of another chart or practice, is "not found". */
const deleteFile = (command: DeleteFile, state: FileState): FileEvent[] => {
  if (state.status !== 'uploaded' || state.practiceId !== command.practiceId || state.chartId !== command.chartId) throw fileNotFound();
  return [{ type: 'FileDeleted', data: { fileId: command.fileId, chartId: command.chartId } }];
};

export const decide = (command: FileCommand, state: FileState): FileEvent[] => {
  switch (command.type) {
    case 'UploadFile':
      return uploadFile(command, state);
    case 'DeleteFile':
      return deleteFile(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: FileState, event: FileEvent): FileState => {
  switch (event.type) {
    case 'FileUploaded': {
      const { practiceId, chartId, fileName, contentType, size, sha256 } = event.data;
      return { status: 'uploaded', practiceId, chartId, fileName, contentType, size, sha256 };
    }
    case 'FileDeleted':
      return state.status === 'none' ? state : { status: 'deleted', practiceId: state.practiceId, chartId: state.chartId };
    default:
      return assertNever(event);
  }
};

export const initialState = (): FileState => ({ status: 'none' });

export const fileDecider: Decider<FileCommand, FileState, FileEvent> = { decide, evolve, initialState };
