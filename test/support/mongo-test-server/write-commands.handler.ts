/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * insert, update (replacement, operators, pipeline; upsert; multi), delete and findAndModify. As on a
 * real server a statement that fails becomes an entry of `writeErrors` in an `ok: 1` reply: an ordered
 * command stops there, an unordered one goes on with the next statement (findAndModify, a single
 * statement, fails as a whole command). writeConcern is accepted and ignored (one
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

/**
 * One document (the first by `sort`) updated, upserted or removed, and returned as it was before or,
 * with `new: true`, after: what findOneAndUpdate / findOneAndReplace / findOneAndDelete send.
 */
const findAndModify: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'findAndModify');
  const filter = (command.query as Document) ?? {};
  const existing = context.databases.get(context.dbName, name);
  const [current] = existing ? firstMatching(existing, filter, command.sort as Document | undefined) : [];
  const reply = (lastErrorObject: Document, value: Document | undefined): Document => ({
    lastErrorObject,
    value: value ? projected(value, command.fields as Document | undefined) : null,
    ok: 1,
  });
  if (command.remove === true) {
    if (command.update !== undefined || command.new === true || command.upsert === true) {
      throw new CommandError(ErrorCodes.FailedToParse, 'remove cannot be combined with update, new or upsert');
    }
    if (current) existing!.remove(current);
    return reply({ n: current ? 1 : 0 }, current);
  }
  const spec = command.update as UpdateSpec | undefined;
  if (!spec || typeof spec !== 'object') throw new CommandError(ErrorCodes.FailedToParse, 'Either an update or remove=true must be specified');
  if (!current) {
    if (command.upsert !== true) return reply({ n: 0, updatedExisting: false }, undefined);
    const { collection } = context.databases.getOrCreate(context.dbName, name);
    const inserted = collection.insert(upsertedDocument(filter, spec));
    return reply({ n: 1, updatedExisting: false, upserted: inserted._id }, command.new === true ? inserted : undefined);
  }
  const next = updatedDocument(current, spec);
  existing!.replace(next);
  return reply({ n: 1, updatedExisting: true }, command.new === true ? next : current);
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

function firstMatching(collection: StoredCollection, filter: Document, sort: Document | undefined): Document[] {
  const cursor = new Query(filter, mingoOptions()).find<Document>(collection.candidates(filter));
  return (sort ? cursor.sort(sort as Record<string, 1 | -1>) : cursor).limit(1).all();
}

function projected(doc: Document, fields: Document | undefined): Document {
  if (!fields || Object.keys(fields).length === 0) return doc;
  return new Query({}, mingoOptions()).find<Document>([doc], fields).all()[0] ?? {};
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
  findAndModify,
};
