/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * insert, update (replacement, operators, pipeline; upsert; multi) and delete. As on a real server a
 * statement that fails becomes an entry of `writeErrors` in an `ok: 1` reply: an ordered command stops
 * there, an unordered one goes on with the next statement. writeConcern is accepted and ignored (one
 * node: every acknowledged write is as durable as it will ever be). Unsupported: arrayFilters,
 * collation, hint, `let`.
 */
import { serialize, type Document } from 'bson';
import { Query } from 'mingo';
import { asCommandError, CommandError, ErrorCodes } from './command-error';
import { CommandContext, CommandHandler, targetCollection } from './command-context';
import { mingoOptions } from './mingo-context';
import type { StoredCollection } from './stored-collection';
import { isReplacement, UpdateSpec, updatedDocument, upsertedDocument } from './update-document';

const insert: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'insert');
  const { collection } = context.databases.getOrCreate(context.dbName, name);
  let n = 0;
  const writeErrors = eachStatement(statementsOf(command, 'documents'), command, (doc) => {
    collection.insert(doc);
    n += 1;
  });
  return writeReply({ n }, writeErrors);
};

const update: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'update');
  const totals = { n: 0, nModified: 0 };
  const upserted: Document[] = [];
  const writeErrors = eachStatement(statementsOf(command, 'updates'), command, (statement, index) => {
    const outcome = applyUpdateStatement(context, name, statement);
    totals.n += outcome.matched + (outcome.upsertedId === undefined ? 0 : 1);
    totals.nModified += outcome.modified;
    if (outcome.upsertedId !== undefined) upserted.push({ index, _id: outcome.upsertedId });
  });
  return writeReply({ ...totals, ...(upserted.length > 0 ? { upserted } : {}) }, writeErrors);
};

const remove: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'delete');
  let n = 0;
  const writeErrors = eachStatement(statementsOf(command, 'deletes'), command, (statement) => {
    const collection = context.databases.get(context.dbName, name);
    if (!collection) return;
    const matches = matching(collection, statement.q as Document);
    for (const doc of statement.limit === 1 ? matches.slice(0, 1) : matches) {
      collection.remove(doc);
      n += 1;
    }
  });
  return writeReply({ n }, writeErrors);
};

interface UpdateOutcome {
  readonly matched: number;
  readonly modified: number;
  readonly upsertedId?: unknown;
}

function applyUpdateStatement(context: CommandContext, name: string, statement: Document): UpdateOutcome {
  const filter = (statement.q as Document) ?? {};
  const spec = statement.u as UpdateSpec;
  if (!spec || typeof spec !== 'object') throw new CommandError(ErrorCodes.FailedToParse, 'update statement needs u');
  if (statement.multi === true && isReplacement(spec)) {
    throw new CommandError(ErrorCodes.FailedToParse, 'multi update is not supported for replacement-style update');
  }
  const existing = context.databases.get(context.dbName, name);
  const matches = existing ? matching(existing, filter) : [];
  if (matches.length === 0) {
    if (statement.upsert !== true) return { matched: 0, modified: 0 };
    const { collection } = context.databases.getOrCreate(context.dbName, name);
    const inserted = collection.insert(upsertedDocument(filter, spec));
    return { matched: 0, modified: 0, upsertedId: inserted._id };
  }
  let modified = 0;
  for (const current of statement.multi === true ? matches : matches.slice(0, 1)) {
    const next = updatedDocument(current, spec);
    if (Buffer.from(serialize(next)).equals(serialize(current))) continue;
    existing!.replace(next);
    modified += 1;
  }
  return { matched: statement.multi === true ? matches.length : 1, modified };
}

function matching(collection: StoredCollection, filter: Document | undefined): Document[] {
  const query = new Query(filter ?? {}, mingoOptions());
  return collection.candidates(filter).filter((doc) => query.test(doc));
}

function statementsOf(command: Document, field: string): Document[] {
  const statements = command[field];
  if (!Array.isArray(statements)) throw new CommandError(ErrorCodes.FailedToParse, `${field} must be an array`);
  return statements as Document[];
}

/** Runs each statement; collects failures as writeErrors and stops at the first one when ordered. */
function eachStatement(statements: Document[], command: Document, apply: (statement: Document, index: number) => void): Document[] {
  const ordered = command.ordered !== false;
  const writeErrors: Document[] = [];
  for (const [index, statement] of statements.entries()) {
    try {
      apply(statement, index);
    } catch (error) {
      writeErrors.push(asCommandError(error).toWriteError(index));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function writeReply(fields: Document, writeErrors: Document[]): Document {
  return { ...fields, ...(writeErrors.length > 0 ? { writeErrors } : {}), ok: 1 };
}

export const writeCommandHandlers: Readonly<Record<string, CommandHandler>> = {
  insert,
  update,
  delete: remove,
};
