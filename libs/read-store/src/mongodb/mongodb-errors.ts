import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { ReadStoreUnavailableError } from '../read-store.port';

/** MongoDB's duplicate key error code. */
export const DUPLICATE_KEY = 11000;

export const INDEX_CONFLICT_CODES: ReadonlySet<number> = new Set([85, 86]); // IndexOptionsConflict, IndexKeySpecsConflict

/**
 * Server codes that say "this node cannot serve you right now" rather than "your request is wrong":
 * host unreachable / not found, network timeout, shutdown in progress, primary stepped down, socket
 * exception, not writable primary, interrupted at shutdown / by a replica-set state change, not
 * primary (secondaryOk) / not primary or secondary.
 */
const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/** Whether an error means the server could not be reached or could not serve: worth a retry later. */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  ) {
    return true;
  }
  if (error instanceof MongoBulkWriteError) {
    // A driver error during a bulk (a closed socket, no server) arrives wrapped, the original kept as errorResponse.
    const wrapped: unknown = error.errorResponse;
    if (wrapped instanceof Error) return isUnavailable(wrapped);
    const codes = writeErrorsOf(error).map((writeError) => writeError.code);
    return codes.length > 0 ? codes.every((code) => UNAVAILABLE_CODES.has(code)) : UNAVAILABLE_CODES.has(Number(error.code));
  }
  return error instanceof MongoError && typeof error.code === 'number' && UNAVAILABLE_CODES.has(error.code);
}

/** Connection trouble becomes the port's ReadStoreUnavailableError; anything else is passed on unchanged. */
export function toReadStoreError(error: unknown): unknown {
  if (error instanceof ReadStoreUnavailableError || !isUnavailable(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ReadStoreUnavailableError(`MongoDB read store unavailable: ${detail}`, error);
}

export interface BulkWriteErrorEntry {
  readonly index: number;
  readonly code: number;
  readonly errmsg: string;
}

/** The driver types `writeErrors` as one-or-many; always an array here. */
export function writeErrorsOf(error: MongoBulkWriteError): BulkWriteErrorEntry[] {
  const raw = error.writeErrors as unknown;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((entry: { index: number; code: number; errmsg?: string }) => ({
    index: entry.index,
    code: entry.code,
    errmsg: entry.errmsg ?? '',
  }));
}

/**
 * The index and key an E11000 message names. The driver keeps only the message of a bulk's write
 * errors (not keyPattern / keyValue), and every MongoDB version since 3.x writes it as
 * `... index: <name> dup key: { <key> }`.
 */
export function parseDuplicateKeyMessage(errmsg: string): { index?: string; key?: string } {
  const match = /index: (\S+) dup key: (.*)$/s.exec(errmsg);
  return match ? { index: match[1], key: match[2] } : {};
}

export function isIdIndex(indexName: string | undefined): boolean {
  return indexName === '_id_';
}
