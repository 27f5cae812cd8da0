/**
 * Prefix search of the client list through an index: a client matches a search when one of the words
 * of its names, legal names or email (its `searchText`) starts with the search, or the search runs
 * on from such a word into the next ones ("grace hop"). Each row keeps `searchPrefixes`, the first
 * 1 to SEARCH_PREFIX_LENGTH characters of each of its words under the practice, so a search reads
 * only the rows under its own prefix (index `searchPrefixes_sortName`, already in page order) and
 * tests the whole search on those alone, on the in-memory store and on MongoDB alike.
 */
export const SEARCH_PREFIX_LENGTH = 3;

const key = (practiceId: string, prefix: string): string => `${practiceId}|${prefix}`;

/** The keys a row is found under: every 1..3-character prefix of each word of its search text. */
export const searchPrefixesOf = (practiceId: string, searchText: string): string[] => {
  const prefixes = new Set<string>();
  for (const word of searchText.split(' ')) {
    for (let length = 1; length <= Math.min(SEARCH_PREFIX_LENGTH, word.length); length += 1) prefixes.add(word.slice(0, length));
  }
  return [...prefixes].map((prefix) => key(practiceId, prefix));
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The filter of a search (lower-cased and trimmed by the caller; not empty): the index key of its
 * first word's first characters, and the whole search at the start of a word of the search text.
 */
export const clientSearchFilter = (practiceId: string, search: string): Record<string, unknown> => {
  const firstWord = search.split(' ')[0];
  return {
    searchPrefixes: key(practiceId, firstWord.slice(0, SEARCH_PREFIX_LENGTH)),
    searchText: { $regex: `(^| )${escapeRegex(search)}` },
  };
};
