import { practiceStream, type PracticeEvent } from '@practice/events';
import type { EventStore } from '@practice/event-store';
import {
  practiceDecider,
  practiceNotFound,
  membershipOf,
  type Membership,
  type PracticeState,
} from '@practice/domain';
import { foldRecorded } from './command-runner';

interface Cached {
  state: PracticeState;
  revision: number;
}

/**
 * Answers "is this user a member of this practice, and with which role?" from the practice stream
 * itself, so a removed member loses access at once. Each check reads only the events appended since
 * the last check of that practice.
 */
export class PracticeAccess {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly store: EventStore) {}

  /** The caller's membership; a practice the caller does not belong to does not exist for them (404). */
  async requireMember(practiceId: string, userId: string): Promise<Membership> {
    const membership = membershipOf(await this.current(practiceId), userId);
    if (!membership) throw practiceNotFound();
    return membership;
  }

  /** The practice as its stream says now (name, settings, members, invitations). */
  practice(practiceId: string): Promise<PracticeState> {
    return this.current(practiceId);
  }

  async isMember(practiceId: string, userId: string): Promise<boolean> {
    return membershipOf(await this.current(practiceId), userId) !== undefined;
  }

  private async current(practiceId: string): Promise<PracticeState> {
    const cached = this.cache.get(practiceId) ?? { state: practiceDecider.initialState(), revision: -1 };
    const newer = await this.store.readStream(practiceStream(practiceId), { fromRevision: cached.revision + 1 });
    if (newer.length === 0) return cached.state;
    const next = {
      state: foldRecorded<PracticeState, PracticeEvent>(practiceDecider, newer, cached.state),
      revision: newer[newer.length - 1].revision,
    };
    this.cache.set(practiceId, next);
    return next.state;
  }
}
