/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * The three kinds of update MongoDB accepts (replacement document, update operators, aggregation
 * pipeline) applied to a matched document or to a new upserted one. Update operators are mingo's;
 * `$setOnInsert`, which mingo lacks, is a `$set` applied only when upserting. An upsert starts from
 * the equality fields of the filter (so `{_id: 'a', $or: [...]}` upserts `_id: 'a'`), as MongoDB does.
 */
import { deserialize, serialize, type Document } from 'bson';
import { Aggregator, update as applyModifier } from 'mingo';
import { CommandError, ErrorCodes } from './command-error';
import { mingoOptions } from './mingo-context';
import { idKey } from './stored-collection';

export type UpdateSpec = Document | Document[];

/** A deep copy that keeps BSON types (ObjectId, Binary, Long...) intact, unlike structuredClone. */
export function cloneDocument(doc: Document): Document {
  return deserialize(serialize(doc));
}

export function isReplacement(update: UpdateSpec): boolean {
  return !Array.isArray(update) && !Object.keys(update).some((key) => key.startsWith('$'));
}

/** The new version of a matched document; throws ImmutableField when the update would change `_id`. */
export function updatedDocument(current: Document, update: UpdateSpec): Document {
  const next = applyUpdate(cloneDocument(current), update, false);
  if (next._id === undefined) return { _id: current._id, ...next };
  if (idKey(next._id) !== idKey(current._id)) {
    throw new CommandError(
      ErrorCodes.ImmutableField,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  return idFirst(next);
}

/** The document an upsert inserts when nothing matched `filter`. */
export function upsertedDocument(filter: Document, update: UpdateSpec): Document {
  const seed = seedFromFilter(filter);
  if (isReplacement(update)) {
    const replacement = update as Document;
    return replacement._id === undefined && seed._id !== undefined ? { _id: seed._id, ...replacement } : idFirst(replacement);
  }
  return idFirst(applyUpdate(seed, update, true));
}

function applyUpdate(target: Document, update: UpdateSpec, inserting: boolean): Document {
  if (Array.isArray(update)) return applyPipeline(target, update);
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return { _id: target._id, ...update };
  if (operators.length !== keys.length) {
    throw new CommandError(ErrorCodes.FailedToParse, 'An update cannot mix update operators and replacement fields');
  }
  for (const [operator, args] of Object.entries(update)) {
    if (operator === '$setOnInsert') {
      if (inserting) runOperator(target, '$set', args as Document);
    } else {
      runOperator(target, operator, args as Document);
    }
  }
  return target;
}

function runOperator(target: Document, operator: string, args: Document): void {
  if (operator === '$set' && args._id !== undefined) {
    // MongoDB accepts `$set: {_id}` when it leaves `_id` as it is (an upsert seeded from the filter);
    // mingo refuses any write to `_id`, so that case is settled here and the rest goes to mingo.
    const { _id: id, ...rest } = args;
    if (target._id === undefined) target._id = id;
    else if (idKey(target._id) !== idKey(id)) {
      throw new CommandError(ErrorCodes.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
    }
    args = rest;
  }
  try {
    applyModifier(target, { [operator]: args } as Parameters<typeof applyModifier>[1], undefined, undefined, {
      cloneMode: 'deep',
      queryOptions: mingoOptions(),
    });
  } catch (error) {
    throw new CommandError(ErrorCodes.FailedToParse, `Unknown or invalid modifier ${operator}: ${(error as Error).message}`);
  }
}

function applyPipeline(target: Document, pipeline: Document[]): Document {
  const [result] = new Aggregator(pipeline, mingoOptions()).run([target]) as Document[];
  return result ?? {};
}

/** The fields an upsert copies from the filter: plain equalities, `$eq`, and those inside `$and`. */
function seedFromFilter(filter: Document): Document {
  const seed: Document = {};
  collectEqualities(filter, seed);
  return seed;
}

function collectEqualities(filter: Document, seed: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause as Document, seed);
    } else if (!field.startsWith('$') && !(condition instanceof RegExp)) {
      if (!isOperatorObject(condition)) runOperator(seed, '$set', { [field]: condition });
      else if ('$eq' in condition) runOperator(seed, '$set', { [field]: condition.$eq });
    }
  }
}

function isOperatorObject(value: unknown): value is Document {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}

/** MongoDB always stores `_id` as the first field. */
function idFirst(doc: Document): Document {
  if (doc._id === undefined) return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}
