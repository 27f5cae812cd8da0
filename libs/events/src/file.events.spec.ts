import { FileDeletedSchema, FileUploadedSchema } from './file.events';
import { eventRegistry } from './event-registry';
import { fileStream } from './streams';

const uploaded = {
  fileId: 'f-1',
  chartId: 'c-1',
  practiceId: 'p-1',
  fileName: 'intake.pdf',
  contentType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
};

describe('file events', () => {
  it('are registered, on file-<id> streams', () => {
    expect(eventRegistry.FileUploaded).toBeDefined();
    expect(eventRegistry.FileDeleted).toBeDefined();
    expect(fileStream('f-1')).toBe('file-f-1');
  });

  it('hold a SHA-256 of 64 lower-case hex digits, a size and a bounded name; never the bytes', () => {
    expect(FileUploadedSchema.safeParse(uploaded).success).toBe(true);
    expect(FileUploadedSchema.safeParse({ ...uploaded, sha256: 'A'.repeat(64) }).success).toBe(false);
    expect(FileUploadedSchema.safeParse({ ...uploaded, size: -1 }).success).toBe(false);
    expect(FileUploadedSchema.safeParse({ ...uploaded, fileName: 'x'.repeat(256) }).success).toBe(false);
    expect(FileUploadedSchema.safeParse({ ...uploaded, content: 'JVBERi0=' }).success).toBe(false);
    expect(FileDeletedSchema.safeParse({ fileId: 'f-1', chartId: 'c-1' }).success).toBe(true);
  });
});
