import type { Filter, ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { CLIENTS, segment } from '../../../../libs/read-models/src/clients/client-list.projection';
import type { ClientListDocument } from '../../../../libs/read-models/src/clients/client-list.document';
import { NEEDS_ATTENTION, type NeedsAttentionDocument } from '../../../../libs/read-models/src/needs-attention/needs-attention.projection';
import { TAGS, type TagDocument } from '../../../../libs/read-models/src/tags/tag.projection';
import { badRequest } from '../http/problem';
import type { ClientListQueryDto } from './client-list.query.dto';

const DEFAULT_LIMIT = 50;

interface Cursor {
  readonly sortName: string;
  readonly id: string;
}

const encodeCursor = (doc: ClientListDocument): string =>
  Buffer.from(JSON.stringify([doc.sortName, doc._id])).toString('base64url');

const decodeCursor = (cursor: string): Cursor => {
  try {
    const [sortName, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof sortName === 'string' && typeof id === 'string') return { sortName, id };
  } catch {
    // fall through to the problem below
  }
  throw badRequest('InvalidCursor', 'The cursor is not one this API returned', [
    { field: 'cursor', message: 'must be a nextCursor returned by this API' },
  ]);
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Tag names of the given ids, from the catalogue as it is now: a renamed tag shows its new name, a
 * removed one is left out.
 */
export const tagNames = async (readStore: ReadStore, practiceId: string, tagIds: readonly string[]) => {
  const tags = await readStore.collection<TagDocument>(TAGS).getMany([...new Set(tagIds)]);
  return (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const tag = tags.get(id);
      return tag && tag.practiceId === practiceId ? [{ tagId: id, name: tag.name }] : [];
    });
};

export const toClientListItem = (doc: ClientListDocument, tags: (ids: readonly string[]) => { tagId: string; name: string }[]) => ({
  clientId: doc._id,
  kind: doc.kind,
  firstName: doc.firstName,
  lastName: doc.lastName,
  legalName: doc.legalName,
  email: doc.email,
  phone: doc.phone,
  status: doc.status,
  tags: tags(doc.tagIds),
  incomplete: doc.incomplete,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/**
 * The client list: filtered, sorted by last then first name, paged with a keyset cursor. Each filter is
 * a segment of the practice (`segments` index), the most selective first, so a filtered page reads
 * its own rows in order instead of the whole practice.
 */
export const listClients = async (readStore: ReadStore, practiceId: string, query: ClientListQueryDto) => {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const segments: string[] = [];
  if (query.tag) segments.push(segment(practiceId, 'tag', query.tag));
  if (query.status) segments.push(segment(practiceId, 'status', query.status));
  if (query.incomplete) segments.push(segment(practiceId, 'incomplete', query.incomplete === 'true'));
  if (query.kind) segments.push(segment(practiceId, 'kind', query.kind));
  const filter: Record<string, unknown> = { practiceId };
  if (segments.length > 0) filter.$and = segments.map((value) => ({ segments: value }));
  const search = query.search?.trim().toLowerCase();
  if (search) filter.searchText = { $regex: escapeRegex(search) };
  if (query.cursor) {
    const { sortName, id } = decodeCursor(query.cursor);
    filter.$or = [{ sortName: { $gt: sortName } }, { sortName, _id: { $gt: id } }];
  }
  const docs = await readStore
    .collection<ClientListDocument>(CLIENTS)
    .find(filter as Filter, { sort: { sortName: 1, _id: 1 }, limit: limit + 1 });
  const page = docs.slice(0, limit);
  const tags = await tagNames(readStore, practiceId, page.flatMap((doc) => doc.tagIds));
  return {
    items: page.map((doc) => toClientListItem(doc, tags)),
    nextCursor: docs.length > limit ? encodeCursor(page[page.length - 1]) : null,
  };
};

/** One item per open problem, oldest first. */
export const listNeedsAttention = async (readStore: ReadStore, practiceId: string) => {
  const docs = await readStore
    .collection<NeedsAttentionDocument>(NEEDS_ATTENTION)
    .find({ openIn: practiceId }, { sort: { since: 1, _id: 1 }, limit: 500 });
  const items = docs.flatMap((doc) =>
    doc.problems.map((problem) => ({
      id: `${doc.chartId}:${problem.reason}`,
      reason: problem.reason,
      chartId: doc.chartId,
      clientName: doc.clientName,
      since: problem.since,
    })),
  );
  return { items: items.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : 1)) };
};
