/**
 * TEST HARNESS, never a deployment option. Part of the MongoDB wire-protocol test server that lets the
 * real `mongodb` driver run in CI, where MongoDB cannot be installed.
 *
 * Reading commands: find (filter, sort, skip, limit, projection, batchSize, singleBatch), getMore,
 * killCursors, count, and aggregate (what `countDocuments` sends: $match + $group). Filters, sorting,
 * projection and pipelines are mingo's. Unsupported: collation, hint, tailable cursors, maxTimeMS.
 */
import type { Document } from 'bson';
import { Aggregator, Query } from 'mingo';
import { CommandContext, CommandHandler, targetCollection } from './command-context';
import { mingoOptions } from './mingo-context';

const find: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'find');
  const filter = (command.filter as Document) ?? {};
  const cursor = new Query(filter, mingoOptions()).find<Document>(
    context.databases.get(context.dbName, name)?.candidates(filter) ?? [],
    (command.projection as Document) ?? {},
  );
  const sort = command.sort as Document | undefined;
  if (sort && Object.keys(sort).length > 0) cursor.sort(sort as Record<string, 1 | -1>);
  if (positive(command.skip)) cursor.skip(command.skip as number);
  // A negative limit is the legacy "one batch of |n|"; 0 means no limit.
  const limit = Math.abs(Number(command.limit ?? 0));
  if (limit > 0) cursor.limit(limit);
  const singleBatch = command.singleBatch === true || Number(command.limit) < 0;
  return context.cursors.open(namespace(context, name), cursor.all(), command.batchSize, singleBatch);
};

const getMore: CommandHandler = (command, context) => context.cursors.getMore(command.getMore, command.batchSize);

const killCursors: CommandHandler = (command, context) => context.cursors.kill((command.cursors as unknown[]) ?? []);

const count: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'count');
  const query = new Query((command.query as Document) ?? {}, mingoOptions());
  let n = documentsOf(context, name).filter((doc) => query.test(doc)).length;
  if (positive(command.skip)) n = Math.max(0, n - (command.skip as number));
  if (positive(command.limit)) n = Math.min(n, command.limit as number);
  return { n, ok: 1 };
};

const aggregate: CommandHandler = (command, context) => {
  const name = targetCollection(command, 'aggregate');
  const pipeline = (command.pipeline as Document[]) ?? [];
  const results = new Aggregator(pipeline, mingoOptions()).run(documentsOf(context, name)) as Document[];
  const batchSize = (command.cursor as Document | undefined)?.batchSize;
  return context.cursors.open(namespace(context, name), results, batchSize);
};

function documentsOf(context: CommandContext, name: string): Document[] {
  return context.databases.get(context.dbName, name)?.documents() ?? [];
}

function namespace(context: CommandContext, name: string): string {
  return `${context.dbName}.${name}`;
}

function positive(value: unknown): boolean {
  return typeof value === 'number' && value > 0;
}

export const queryCommandHandlers: Readonly<Record<string, CommandHandler>> = {
  find,
  getMore,
  killCursors,
  count,
  aggregate,
};
