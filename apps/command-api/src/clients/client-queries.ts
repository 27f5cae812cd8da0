import type { Filter, ReadStore } from '../../../../libs/read-store/src/read-store.port';
import { CLIENTS } from '../../../../libs/read-models/src/clients/client-list.projection';
import type { ClientListDocument } from '../../../../libs/read-models/src/clients/client-list.document';
import { NEEDS_ATTENTION, type NeedsAttentionDocument } from '../../../../libs/read-models/src/needs-attention/needs-attention.projection';
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

export const toClientListItem = (doc: ClientListDocument) => ({
  clientId: doc._id,
  kind: doc.kind,
  firstName: doc.firstName,
  lastName: doc.lastName,
  legalName: doc.legalName,
  email: doc.email,
  phone: doc.phone,
  status: doc.status,
  tags: doc.tags,
  incomplete: doc.incomplete,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** The client list: filtered, sorted by last then first name, paged with a keyset cursor. */
export const listClients = async (readStore: ReadStore, practiceId: string, query: ClientListQueryDto) => {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const filter: Record<string, unknown> = { practiceId };
  if (query.status) filter.status = query.status;
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
  return {
    items: page.map(toClientListItem),
    nextCursor: docs.length > limit ? encodeCursor(page[page.length - 1]) : null,
  };
};

export const listNeedsAttention = async (readStore: ReadStore, practiceId: string) => {
  const docs = await readStore
    .collection<NeedsAttentionDocument>(NEEDS_ATTENTION)
    .find({ practiceId }, { sort: { since: 1, _id: 1 }, limit: 500 });
  return {
    items: docs.map((doc) => ({
      id: doc._id,
      reason: doc.reason,
      chartId: doc.chartId,
      clientName: doc.clientName,
      since: doc.since,
    })),
  };
};
