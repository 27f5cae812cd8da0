/**
 * Prefix search of the client list through an index: a client matches a search when one of the words
 * of its names, legal names or email (its `searchText`) starts with the search, or the search runs
 * on from such a word into the next ones ("grace hop"). Each row keeps `searchPrefixes`, the first
 * 1 to SEARCH_PREFIX_LENGTH characters of each of its words under the practice, so a search reads
 * only the rows under its own prefix (index `searchPrefixes_sortName`, already in page order) and
 * tests the whole search on those alone, on the in-memory store and on MongoDB alike.
 *
 * A longer first word narrows further: each row also keeps `searchWords`, its whole words under the
 * practice, and the search bounds one of them to the range [practice|word, practice|word + '\uffff') (index
 * `searchWords`, a range scan: an IXSCAN with those bounds on MongoDB). The store reads whichever is
 * smaller: `grace.h` reads the few rows with a word starting so, not every row under `gra`, and sorts
 * them; a long prefix that many rows share still reads its 3-character group in page order.
 */
export const SEARCH_PREFIX_LENGTH = 3;

const key = (practiceId: string, prefix: string): string => `${practiceId}|${prefix}`;

/** The keys a row is found under: every 1..3-character prefix of each word of its search text (each once, in order). */
export const searchPrefixesOf = (practiceId: string, searchText: string): string[] => {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const word of searchText.split(' ')) {
    const longest = Math.min(SEARCH_PREFIX_LENGTH, word.length);
    for (let length = 1; length <= longest; length += 1) {
      const prefix = word.slice(0, length);
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      keys.push(key(practiceId, prefix));
    }
  }
  return keys;
};

/** The keys of the range search: every word of the search text, under the practice (each once, in order). */
export const searchWordsOf = (practiceId: string, searchText: string): string[] => {
  const keys: string[] = [];
  const words = searchText.split(' ');
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    if (word.length > 0 && words.indexOf(word) === index) keys.push(key(practiceId, word));
  }
  return keys;
};

/** Above every character a word holds (the end of a prefix's range). */
const RANGE_END = '\uffff';

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The filter of a search (lower-cased and trimmed by the caller; not empty): the index key of its
 * first word's first characters, and the whole search at the start of a word of the search text.
 */
export const clientSearchFilter = (practiceId: string, search: string): Record<string, unknown> => {
  const firstWord = search.split(' ')[0];
  const filter: Record<string, unknown> = {
    searchPrefixes: key(practiceId, firstWord.slice(0, SEARCH_PREFIX_LENGTH)),
    searchText: { $regex: `(^| )${escapeRegex(search)}` },
  };
  if (firstWord.length <= SEARCH_PREFIX_LENGTH) return filter;
  const word = key(practiceId, firstWord);
  // A search that runs on into a next word ("grace hop") holds its first word whole.
  // $elemMatch: one word within both bounds (without it, on an array each bound may hold for another word).
  filter.searchWords = search.includes(' ') ? word : { $elemMatch: { $gte: word, $lt: word + RANGE_END } };
  return filter;
};
