import type { Filter, Projection, ReadStore } from '@practice/read-store';
import { CLIENTS, clientSearchFilter, segment, type ClientListDocument, NEEDS_ATTENTION, type NeedsAttentionDocument, TAGS, type TagDocument } from '@practice/read-models';
import { afterKeys, Keyset, limitOf, findPage, type PageQueryDto } from '../http/keyset-page';
import type { ClientListQueryDto } from './client-list.query.dto';

const CLIENT_ORDER = { sortName: 1, _id: 1 } as const;
const clientKeyset = new Keyset('clients', ['string', 'string']);

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
 * The client list's filter: each filter is a segment of the practice (`segments` index), a search is
 * its own index group (`searchPrefixes` index, see client-search.ts), so a filtered page reads its own
 * rows in order instead of the whole practice.
 */
export const clientListFilter = (practiceId: string, query: ClientListQueryDto): Filter => {
  const segments: string[] = [];
  if (query.tag) segments.push(segment(practiceId, 'tag', query.tag));
  if (query.status) segments.push(segment(practiceId, 'status', query.status));
  if (query.incomplete) segments.push(segment(practiceId, 'incomplete', query.incomplete === 'true'));
  if (query.kind) segments.push(segment(practiceId, 'kind', query.kind));
  const search = query.search?.trim().toLowerCase();
  const filter: Record<string, unknown> = search ? { practiceId, ...clientSearchFilter(practiceId, search) } : { practiceId };
  if (segments.length > 0) filter.$and = segments.map((value) => ({ segments: value }));
  return filter as Filter;
};

export const CLIENT_LIST_ORDER = CLIENT_ORDER;

/**
 * The fields a list row answers with, and its sort key for the cursor: a page reads these, not the
 * search and segment keys the stored row holds too (about half the garbage of a read at 100,000 clients).
 */
export const CLIENT_LIST_FIELDS = {
  kind: 1,
  firstName: 1,
  lastName: 1,
  legalName: 1,
  email: 1,
  phone: 1,
  status: 1,
  tagIds: 1,
  incomplete: 1,
  createdAt: 1,
  updatedAt: 1,
  sortName: 1,
} as const satisfies Projection;

/** The client list: filtered (clientListFilter), sorted by last then first name, paged with a keyset cursor. */
export const listClients = async (readStore: ReadStore, practiceId: string, query: ClientListQueryDto) => {
  const filter = clientListFilter(practiceId, query);
  const page = await findPage(readStore.collection<ClientListDocument>(CLIENTS), filter, CLIENT_ORDER, clientKeyset, query, CLIENT_LIST_FIELDS);
  const tags = await tagNames(readStore, practiceId, page.items.flatMap((doc) => doc.tagIds));
  return { items: page.items.map((doc) => toClientListItem(doc, tags)), nextCursor: page.nextCursor };
};

const OPEN_SINCE = { since: 1, _id: 1 } as const;
// A chart's oldest open problem, the chart, then the problem: a cursor can fall between two problems of one chart.
const needsAttentionKeyset = new Keyset('needs-attention', ['string', 'string', 'string']);

/**
 * One item per open problem: charts in the order their oldest open problem came up (then by chart id),
 * a chart's problems by reason. Keyset-paged by items over the `open_since` index: a page reads the
 * charts after the cursor's chart, plus that chart itself for the problems after the cursor's one.
 */
export const listNeedsAttention = async (readStore: ReadStore, practiceId: string, query: PageQueryDto) => {
  const limit = limitOf(query);
  const after = query.cursor === undefined ? undefined : needsAttentionKeyset.decode(query.cursor);
  const filter: Filter = { openIn: practiceId };
  // Every chart read here has at least one open problem; the cursor's own chart may add none.
  const docs = await readStore
    .collection<NeedsAttentionDocument>(NEEDS_ATTENTION)
    .find(after ? afterKeys(filter, OPEN_SINCE, after.slice(0, 2), true) : filter, { sort: OPEN_SINCE, limit: limit + 2 });
  const rows = docs.flatMap((doc) =>
    [...doc.problems]
      .sort((a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
      .filter((problem) => !after || doc._id !== after[1] || problem.reason > (after[2] as string))
      .map((problem) => ({ chartSince: doc.since as string, doc, problem })),
  );
  const page = needsAttentionKeyset.page(rows, limit, (row) => [row.chartSince, row.doc._id, row.problem.reason]);
  return {
    items: page.items.map(({ doc, problem }) => ({
      id: `${doc.chartId}:${problem.reason}`,
      reason: problem.reason,
      chartId: doc.chartId,
      clientName: doc.clientName,
      since: problem.since,
    })),
    nextCursor: page.nextCursor,
  };
};
