import { digestTimeZone } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import { PRACTICE_PROFILES, type PracticeProfileDocument } from '@practice/read-models';
import { selectedPracticeOf } from './selected-practice';

/** A practice's time zone setting (null when it has none). */
export const practiceTimeZoneOf = async (readStore: ReadStore, practiceId: string | null): Promise<string | null> => {
  if (practiceId === null) return null;
  const practice = await readStore.collection<PracticeProfileDocument>(PRACTICE_PROFILES).get(practiceId);
  return practice?.settings.timeZone ?? null;
};

/** The zone a user's daily digest follows: theirs, else their selected (else first joined) practice's, else UTC. */
export const digestTimeZoneOf = async (readStore: ReadStore, userId: string, userTimeZone: string | null): Promise<string> =>
  digestTimeZone(userTimeZone, userTimeZone === null ? await practiceTimeZoneOf(readStore, await selectedPracticeOf(readStore, userId)) : null);
