import type { Permission } from '@practice/domain';
import type { Filter, IndexSpec, ReadDocument, ReadStore } from '@practice/read-store';
import { CHARTS, CLIENTS, CONTACTS, LEDGERS, NEEDS_ATTENTION, TOMBSTONES, type Tombstone } from '@practice/read-models';
import { afterKeys, invalidCursor, Keyset, limitOf, type PageQueryDto } from '../http/keyset-page';
import { badRequest } from '../http/problem';
import type { PracticeRole } from '@practice/events';
import { CHART_FIELD_PERMISSIONS, redacted } from './export-datasets';

/** The read models a warehouse may follow, each with the permission its documents need (on top of `exports:read`). */
export const changeFeeds: ReadonlyMap<string, Permission> = new Map<string, Permission>([
  [CLIENTS, 'clients:read'],
  [CHARTS, 'charts:read'],
  [CONTACTS, 'clients:read'],
  [NEEDS_ATTENTION, 'clients:read'],
  [LEDGERS, 'billing:read'],
]);
export const changeFeedNames = [...changeFeeds.keys()];

export const feedPermissionOf = (readModel: string): Permission => {
  const permission = changeFeeds.get(readModel);
  if (!permission) {
    throw badRequest('ValidationFailed', 'The request is not valid', [
      { field: 'readModel', in: 'path', message: `must be one of ${changeFeedNames.join(', ')}` },
    ]);
  }
  return permission;
};

const FEED_ORDER = { _position: 1, _id: 1 } as const;
export const FEED_INDEXES: readonly IndexSpec[] = [{ name: 'feed_practice_position', keys: { practiceId: 1, _position: 1, _id: 1 } }];
const TOMBSTONE_INDEXES: readonly IndexSpec[] = [{ name: 'feed_tombstones', keys: { readModel: 1, practiceId: 1, _position: 1, _id: 1 } }];

export interface Change {
  readonly id: string;
  readonly position: number;
  readonly deleted: boolean;
  readonly document: Record<string, unknown> | null;
}

export interface ChangeFeedPage {
  readonly readModel: string;
  readonly since: number;
  readonly until: number;
  readonly nextSince: number;
  readonly changes: Change[];
  readonly nextCursor: string | null;
}

const feedKeyset = (readModel: string): Keyset => new Keyset(`changes-${readModel}`, ['number', 'number', 'number', 'string']);

/** Fields of a read model's documents only some roles may read (the chart read hides them too). */
const feedFieldPermissions: ReadonlyMap<string, Readonly<Record<string, Permission>>> = new Map([[CHARTS, CHART_FIELD_PERMISSIONS]]);

const changeOf = (readModel: string, role: PracticeRole) => (doc: ReadDocument): Change => {
  const { _id, _position, ...document } = doc;
  return { id: _id, position: _position ?? 0, deleted: false, document: redacted(document, feedFieldPermissions.get(readModel), role) };
};

const tombstoneChange = (tombstone: Tombstone): Change => ({ id: tombstone.documentId, position: tombstone._position ?? 0, deleted: true, document: null });

const byPositionThenId = (a: Change, b: Change): number => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The documents of a practice's read model changed after `since`, oldest change first, each as it is
 * now, and a tombstone for each deleted one. The first page fixes `until` (the read model's checkpoint
 * then) and every page of the same read stays within (since, until], so a sync that follows the cursors
 * to the end and then stores `nextSince` misses nothing and re-reads nothing it already had.
 */
export const changeFeedPage = async (
  readStore: ReadStore,
  practiceId: string,
  readModel: string,
  role: PracticeRole,
  query: PageQueryDto & { since?: number },
): Promise<ChangeFeedPage> => {
  const keyset = feedKeyset(readModel);
  const limit = limitOf(query);
  let since = query.since ?? -1;
  let until: number;
  let after: [number, string] | undefined;
  if (query.cursor !== undefined) {
    // Positions are stored one up in the cursor: a keyset holds non-negative numbers, and -1 is "before the log".
    const [s, u, position, id] = keyset.decode(query.cursor) as [number, number, number, string];
    [since, until, after] = [s - 1, u - 1, [position, id]];
    // A cursor this feed answered has since <= until <= the checkpoint; any other would skip changes.
    if (since > until || until > ((await readStore.getCheckpoint(readModel)) ?? -1)) throw invalidCursor();
  } else {
    until = (await readStore.getCheckpoint(readModel)) ?? -1;
    // Every nextSince is a checkpoint of the read model, and checkpoints only grow: a since past it is no sync's.
    if (since > until) {
      throw badRequest('ValidationFailed', 'The request is not valid', [
        { field: 'since', in: 'query', message: "must be at most the read model's position (a nextSince this feed answered)" },
      ]);
    }
  }
  const collection = readStore.collection(readModel);
  const tombstones = readStore.collection<Tombstone>(TOMBSTONES);
  await Promise.all([collection.ensureIndexes(FEED_INDEXES), tombstones.ensureIndexes(TOMBSTONE_INDEXES)]);
  const range = { $gt: since, $lte: until };
  const docFilter: Filter = { practiceId, _position: range };
  const tombFilter: Filter = { readModel, practiceId, _position: range };
  const [docs, dead] = await Promise.all([
    collection.find(after ? afterKeys(docFilter, FEED_ORDER, after) : docFilter, { sort: FEED_ORDER, limit: limit + 1 }),
    tombstones.find(after ? afterKeys(tombFilter, FEED_ORDER, [after[0], `${readModel}:${after[1]}`]) : tombFilter, { sort: FEED_ORDER, limit: limit + 1 }),
  ]);
  const merged = [...docs.map(changeOf(readModel, role)), ...dead.map(tombstoneChange)].sort(byPositionThenId).slice(0, limit + 1);
  const page = keyset.page(merged, limit, (change) => [since + 1, until + 1, change.position, change.id]);
  return { readModel, since, until, nextSince: until, changes: page.items, nextCursor: page.nextCursor };
};
