export { BlobNotFoundError, BlobTooLargeError, isSha256 } from './blob-store.port';
export type { BlobSource, BlobStore, PutOptions, StoredBlob } from './blob-store.port';
export { FileSystemBlobStore } from './file-system/file-system-blob-store';
export { GridFsBlobStore, type GridFsBlobStoreOptions } from './gridfs/gridfs-blob-store';
