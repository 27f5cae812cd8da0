import type { ReservationScope } from '@practice/events';
import type { ChartCommand, CreateClient } from '../chart/chart.commands';
import type { ContactCommand } from '../contact/contact.decider';

/**
 * A step of a command that spans streams. A workflow is a pure function from what the command found
 * to the steps, in order; the application executes them, each idempotent under the command's id, so a
 * retry with the same Idempotency-Key resumes where a crash stopped it.
 */
export type WorkflowStep =
  /** The command the caller sent, on its own stream: its result is the answer. */
  | { readonly kind: 'main' }
  | { readonly kind: 'chart'; readonly command: ChartCommand }
  | { readonly kind: 'contact'; readonly command: ContactCommand }
  /** `ownerRevision`: the owner's stream revision the command read and will write at (-1: it creates the owner). */
  | {
      readonly kind: 'claimEmail';
      readonly scope: ReservationScope;
      readonly scopeId: string;
      readonly email: string;
      readonly ownerId: string;
      readonly ownerRevision: number;
    }
  | { readonly kind: 'releaseEmail'; readonly scope: ReservationScope; readonly scopeId: string; readonly email: string; readonly ownerId: string };

export const main: WorkflowStep = { kind: 'main' };

export type { CreateClient };
