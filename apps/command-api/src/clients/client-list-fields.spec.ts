import type { ClientListDocument } from '@practice/read-models';
import { CLIENT_LIST_FIELDS, CLIENT_LIST_ORDER, toClientListItem } from './client-queries';

/**
 * A list page reads its rows through the projection CLIENT_LIST_FIELDS, so a field the row answers
 * with but the projection leaves out would come back undefined. The fields the row reads are recorded
 * here, not listed a second time.
 */
describe('CLIENT_LIST_FIELDS', () => {
  const fieldsReadBy = (build: (doc: ClientListDocument) => unknown): Set<string> => {
    const read = new Set<string>();
    const doc = new Proxy({} as ClientListDocument, {
      get: (_target, field) => {
        if (typeof field === 'string') read.add(field);
        return field === 'tagIds' ? [] : 'x';
      },
    });
    build(doc);
    return read;
  };

  it('holds every field a list row reads (the id always comes with a projected read)', () => {
    const read = fieldsReadBy((doc) => toClientListItem(doc, () => []));
    read.delete('_id');
    expect([...read].filter((field) => !(field in CLIENT_LIST_FIELDS))).toEqual([]);
  });

  it('holds the sort keys the cursor is made of, and nothing a row does not read', () => {
    const read = fieldsReadBy((doc) => toClientListItem(doc, () => []));
    const sortKeys = Object.keys(CLIENT_LIST_ORDER).filter((field) => field !== '_id');
    expect(sortKeys.every((field) => field in CLIENT_LIST_FIELDS)).toBe(true);
    expect(Object.keys(CLIENT_LIST_FIELDS).filter((field) => !read.has(field) && !sortKeys.includes(field))).toEqual([]);
  });
});
