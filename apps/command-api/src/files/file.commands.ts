import type { Readable } from 'node:stream';
import { Command } from '@nestjs/cqrs';
import type { ChartCall } from '../chart-commands/chart-call';

/** A file part of a multipart upload, not yet read: its name and declared type, and its bytes to come. */
export interface IncomingFile {
  readonly fileName: string | undefined;
  readonly declaredType: string | undefined;
  readonly content: Readable;
  /** Once `content` is read: whether the upload goes on with another part (a second file, a field). */
  readonly morePartsFollow?: () => Promise<boolean>;
}

export interface FileCommandResult {
  readonly fileId: string;
  readonly chartId: string;
  /** The revision of the file's stream (`file-<fileId>`). */
  readonly revision: number;
  readonly position: number;
}

export interface FileUploadResult extends FileCommandResult {
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** Built before the bytes are read: the envelope is made once the content (and so the request) is known. */
export class UploadFileCommand extends Command<FileUploadResult> {
  constructor(
    readonly call: ChartCall,
    readonly file: IncomingFile,
  ) {
    super();
  }
}

export class DeleteFileCommand extends Command<FileCommandResult> {
  constructor(
    readonly call: ChartCall,
    readonly fileId: string,
  ) {
    super();
  }
}
