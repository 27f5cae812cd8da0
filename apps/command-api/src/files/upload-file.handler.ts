import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BlobTooLargeError, type BlobStore } from '@practice/blob-store';
import { fileDecider } from '@practice/domain';
import { fileStream } from '@practice/events';
import { CommandRunner } from '../application/command-runner';
import { commandEnvelope } from '../application/command-envelope';
import type { AppConfig } from '../config';
import type { Idempotency } from '../http/headers';
import { problem, ProblemException } from '../http/problem';
import { APP_CONFIG, BLOB_STORE } from '../infrastructure/tokens';
import { assertOpenChartOfPractice } from '../chart-queries/open-chart';
import { checkedContent, FileTypeRefusedError } from './file-content';
import { FILE_FIELD, fileRequired, malformedUpload } from './file-part';
import { UploadFileCommand, type FileUploadResult, type IncomingFile } from './file.commands';

/**
 * The part's bytes; a multipart body that breaks off or does not parse is the client's mistake, and so
 * is a part after the file (refused before the blob is kept).
 */
async function* partContent(content: Readable, morePartsFollow?: () => Promise<boolean>): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of content) yield chunk as Uint8Array;
  } catch {
    throw malformedUpload();
  }
  if (morePartsFollow && (await morePartsFollow())) throw fileRequired('The upload has more parts than its one file');
}

const refusal = (error: unknown): unknown => {
  if (error instanceof BlobTooLargeError) {
    const detail = `The file is larger than FILE_LIMIT (${error.maxBytes} bytes)`;
    return new ProblemException(
      problem('FileTooLarge', detail, { maxBytes: error.maxBytes, errors: [{ field: FILE_FIELD, message: `must be at most ${error.maxBytes} bytes` }] }),
    );
  }
  if (error instanceof FileTypeRefusedError) {
    return new ProblemException(problem('UnsupportedFileType', `The file is refused: ${error.reason}`, { errors: [{ field: FILE_FIELD, message: error.reason }] }));
  }
  return error;
};

/** A retry with the same Idempotency-Key must send the same file: its content and name join the request's fingerprint. */
const withContent = (idempotency: Idempotency | undefined, file: IncomingFile, sha256: string): Idempotency | undefined =>
  idempotency && {
    key: idempotency.key,
    fingerprint: createHash('sha256').update(`${idempotency.fingerprint}\n${sha256}\n${file.fileName ?? ''}`).digest('base64url'),
  };

/**
 * Uploads a document to a chart: the chart is checked first (404 before a byte is read), then the bytes
 * stream into the blob store through the type check and the FILE_LIMIT count (a refusal keeps nothing
 * and appends nothing), then FileUploaded records the name, the type found, the size and the SHA-256.
 */
@CommandHandler(UploadFileCommand)
export class UploadFileHandler implements ICommandHandler<UploadFileCommand> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ call, file }: UploadFileCommand): Promise<FileUploadResult> {
    const { practiceId, chartId } = call;
    await assertOpenChartOfPractice(this.runner, practiceId, chartId);
    let contentType = '';
    const stored = await this.blobs
      .put(checkedContent(partContent(file.content, file.morePartsFollow), file.declaredType, (type) => (contentType = type)), { maxBytes: this.config.fileLimit })
      .catch((error: unknown) => {
        throw refusal(error);
      });
    const envelope = commandEnvelope({
      commandType: 'UploadFile',
      actorUserId: call.actorUserId,
      practiceId,
      idempotencyKey: withContent(call.idempotencyKey, file, stored.sha256),
      correlationId: call.correlationId,
    });
    const fileId = envelope.newId('fileId');
    const command = { type: 'UploadFile' as const, practiceId, chartId, fileId, fileName: file.fileName ?? null, contentType, ...stored };
    const result = await this.runner.run(fileDecider, fileStream(fileId), command, envelope);
    const uploaded = result.state.status === 'uploaded' ? result.state : undefined;
    return {
      fileId,
      chartId,
      revision: result.revision,
      position: result.position,
      fileName: uploaded?.fileName ?? '',
      contentType: uploaded?.contentType ?? contentType,
      size: stored.size,
      sha256: stored.sha256,
    };
  }
}
