/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Server errors with MongoDB's numeric codes and code names, because the driver (and the adapter on
 * top of it) decides what to do from the code: 11000 is a duplicate key, 59 an unknown command, etc.
 */
import type { Document } from 'bson';

export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  NamespaceNotFound: 26,
  CursorNotFound: 43,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  UnsupportedOpQueryCommand: 352,
  DuplicateKey: 11000,
} as const;

const CODE_NAMES = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

export function codeName(code: number): string {
  return CODE_NAMES.get(code) ?? 'UnknownError';
}

/** A command or write failure; `extra` carries fields such as keyPattern / keyValue for 11000. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    this.name = 'CommandError';
  }

  /** The `{ok: 0, ...}` reply a failed command returns. */
  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: codeName(this.code), ...this.extra };
  }

  /** One entry of a write command's `writeErrors` array. */
  toWriteError(index: number): Document {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

/** Anything a handler throws becomes a CommandError; a mingo error on a bad filter is a BadValue, as in MongoDB. */
export function asCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  return new CommandError(ErrorCodes.BadValue, error instanceof Error ? error.message : String(error));
}
