import { deciderSpec } from '../../../../test/support/decider-spec';
import type { FileEvent } from '@practice/events';
import { fileDecider, type UploadFile } from './file.decider';

const spec = deciderSpec(fileDecider);
const practiceId = 'p-1';
const chartId = 'c-1';
const fileId = 'f-1';
const sha256 = 'a'.repeat(64);
const upload: UploadFile = { type: 'UploadFile', practiceId, chartId, fileId, fileName: 'intake form.pdf', contentType: 'application/pdf', size: 1234, sha256 };
const uploaded: FileEvent = {
  type: 'FileUploaded',
  data: { fileId, chartId, practiceId, fileName: 'intake form.pdf', contentType: 'application/pdf', size: 1234, sha256 },
};
const deleted: FileEvent = { type: 'FileDeleted', data: { fileId, chartId } };

describe('File decider', () => {
  describe('when there is no such file', () => {
    it('records the upload: name, the type found in the bytes, size and SHA-256', () => {
      spec.given([]).when(upload).then([uploaded]);
    });

    it('keeps the name sanitized: no path, no control characters', () => {
      spec
        .given([])
        .when({ ...upload, fileName: '../../etc/\u202Egnp.exe\r\n' })
        .then([{ ...uploaded, data: { ...uploaded.data, fileName: 'gnp.exe' } } as FileEvent]);
    });

    it('names a file sent without a name "document"', () => {
      spec.given([]).when({ ...upload, fileName: null }).then([{ ...uploaded, data: { ...uploaded.data, fileName: 'document' } } as FileEvent]);
    });

    it('has nothing to delete', () => {
      spec.given([]).when({ type: 'DeleteFile', practiceId, chartId, fileId }).thenThrows('FileNotFound');
    });
  });

  describe('when the file is uploaded', () => {
    it('refuses another upload under the same id', () => {
      spec.given([uploaded]).when(upload).thenThrows('FileAlreadyExists');
    });

    it('deletes (hides) it', () => {
      spec.given([uploaded]).when({ type: 'DeleteFile', practiceId, chartId, fileId }).then([deleted]);
    });

    it('does not exist for another practice or through another chart', () => {
      spec.given([uploaded]).when({ type: 'DeleteFile', practiceId: 'p-2', chartId, fileId }).thenThrows('FileNotFound');
      spec.given([uploaded]).when({ type: 'DeleteFile', practiceId, chartId: 'c-2', fileId }).thenThrows('FileNotFound');
    });
  });

  describe('when the file is deleted', () => {
    it('is not found any more', () => {
      spec.given([uploaded, deleted]).when({ type: 'DeleteFile', practiceId, chartId, fileId }).thenThrows('FileNotFound');
    });

    it('keeps its id taken', () => {
      spec.given([uploaded, deleted]).when(upload).thenThrows('FileAlreadyExists');
    });
  });
});
