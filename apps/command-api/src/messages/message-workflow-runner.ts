import {
  dailyDigestOnTimer,
  digestTimerOnChange,
  documentRequestEmails,
  productUpdateEmails,
  messageDecider,
  portalInvitationEmails,
  practiceInvitationEmail,
  reminderDropped,
  reminderOnBooking,
  remindersOnTimer,
  sessionBridgingOnCompletion,
  timerDecider,
  type MessagingAction,
} from '@practice/domain';
import type { EventStore, SubscribedEvent, Subscription } from '@practice/event-store';
import {
  messageStream,
  timerStream,
  type AppointmentBooked,
  type AppointmentCancelled,
  type AppointmentCompleted,
  type AppointmentLateCancelled,
  type AppointmentMarkedNoShow,
  type AppointmentRescheduled,
  type DocumentRequested,
  type PortalInvitationSent,
  type PracticeMemberInvited,
  type ProductUpdatePublished,
  type RecordedEvent,
  type TimerFired,
  type TimerSet,
} from '@practice/events';
import type { ReadStore } from '@practice/read-store';
import { commandEnvelope } from '../application/command-envelope';
import type { CommandRunner } from '../application/command-runner';
import { deterministicUuid } from '../application/deterministic-id';
import { DigestFacts } from './digest-facts';
import { WorkflowFacts } from './workflow-facts';

/** The read models' progress: the workflows wait until the read models hold the event they handle. */
export interface ReadModelProgress {
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
}

export const WORKFLOWS_CHECKPOINT = 'messaging_workflows';

/** The events the message workflows react to. */
export const WORKFLOW_EVENT_TYPES = [
  'PracticeMemberInvited',
  'AppointmentBooked',
  'AppointmentRescheduled',
  'AppointmentCancelled',
  'AppointmentLateCancelled',
  'AppointmentMarkedNoShow',
  'AppointmentCompleted',
  'TimerFired',
  'PortalInvitationSent',
  'DocumentRequested',
  // The daily digest's timer follows the user's time zone: their own, else their practice's.
  'UserSignedUp',
  'UserTimeZoneChanged',
  'PracticeMemberAdded',
  'PracticeSwitched',
  'PracticeSettingsChanged',
  'ProductUpdatePublished',
] as const;

const recordedOf = <E>(event: RecordedEvent) => ({ event: event as unknown as E, eventId: event.metadata.eventId, occurredAt: event.metadata.occurredAt });

/**
 * Runs the message workflows of libs/domain on a checkpointed subscription to the log, on the same
 * runtime as the projector (it waits until the read models hold the event before it looks facts up).
 * Every action it takes is a command whose id derives from the causing event and the action's name,
 * so handling an event twice (a replay from an older checkpoint, a second replica) appends nothing twice.
 */
export class MessageWorkflowRunner {
  private subscription: Subscription | undefined;
  private position = -1;
  private failure: string | undefined;
  private readonly facts: WorkflowFacts;
  private readonly digest: DigestFacts;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projector: ReadModelProgress,
    private readonly runner: CommandRunner,
    private readonly now: () => Date,
    private readonly log: (message: string) => void,
  ) {
    this.facts = new WorkflowFacts(readStore);
    this.digest = new DigestFacts(readStore);
  }

  async start(): Promise<void> {
    const checkpoint = (await this.readStore.getCheckpoint(WORKFLOWS_CHECKPOINT)) ?? -1;
    this.position = checkpoint;
    this.subscription = this.events.subscribeToAll(
      { after: checkpoint < 0 ? undefined : checkpoint, filter: { eventTypes: [...WORKFLOW_EVENT_TYPES] }, maxBatchSize: 100 },
      {
        onEvents: (batch) => this.handle(batch),
        onError: (error) => {
          this.failure = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'failed';
          this.subscription = undefined;
          this.log(`message workflows stopped at position ${this.position}: ${this.failure}`);
        },
      },
    );
    await this.subscription.caughtUp;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  status(): { readonly running: boolean; readonly position: number; readonly stopped?: string } {
    return { running: this.subscription !== undefined, position: this.position, ...(this.failure ? { stopped: this.failure } : {}) };
  }

  private async handle(batch: readonly SubscribedEvent[]): Promise<void> {
    for (const event of batch) {
      if (event.invalidReason === undefined) {
        await this.projector.waitFor(event.position, 60_000);
        const actions = await this.actionsFor(event);
        for (const action of actions) await this.execute(action, event);
      }
      this.position = event.position;
    }
    if (batch.length > 0) await this.readStore.setCheckpoint(WORKFLOWS_CHECKPOINT, batch[batch.length - 1].position);
  }

  private async actionsFor(event: RecordedEvent): Promise<MessagingAction[]> {
    const now = this.now();
    switch (event.type) {
      case 'PracticeMemberInvited': {
        const given = recordedOf<PracticeMemberInvited>(event);
        return practiceInvitationEmail(given, { stillOpen: await this.facts.invitationOpen(given.event.data.invitationId, now) });
      }
      case 'AppointmentBooked':
      case 'AppointmentRescheduled': {
        const given = recordedOf<AppointmentBooked | AppointmentRescheduled>(event);
        const chart = await this.facts.chart(given.event.data.chartId);
        const practiceId = chart?.practiceId ?? event.metadata.practiceId;
        if (!practiceId) return [];
        return reminderOnBooking(given, { practiceId, leadHours: await this.facts.reminderLeadHours(practiceId), now: now.toISOString() });
      }
      case 'AppointmentCancelled':
      case 'AppointmentLateCancelled':
      case 'AppointmentMarkedNoShow':
        return reminderDropped(recordedOf<AppointmentCancelled | AppointmentLateCancelled | AppointmentMarkedNoShow>(event));
      case 'AppointmentCompleted': {
        const given = recordedOf<AppointmentCompleted>(event);
        const chart = await this.facts.chart(given.event.data.chartId);
        if (!chart) return reminderDropped(given);
        const appointmentStart = chart.appointments.find((a) => a.appointmentId === given.event.data.appointmentId)?.start ?? null;
        const members = await this.facts.sessionBridgingMembers(chart);
        return [...reminderDropped(given), ...sessionBridgingOnCompletion(given, { practiceId: chart.practiceId, appointmentStart, members })];
      }
      case 'TimerFired': {
        const given = recordedOf<TimerFired>(event);
        const timer = await this.timerOf(given.event.data.timerId);
        if (timer?.purpose === 'daily-digest') {
          const user = await this.digest.recipient(timer.userId);
          const practices = user === null ? [] : await this.digest.practices(timer.userId, timer.localDate, timer.timeZone);
          return dailyDigestOnTimer(given, timer, { user, practices });
        }
        if (timer === undefined || timer.purpose !== 'appointment-reminder') return [];
        const chart = await this.facts.chart(timer.chartId);
        if (!chart) return [];
        const appointment = chart.appointments.find((a) => a.appointmentId === timer.appointmentId) ?? null;
        return remindersOnTimer(given, timer, { appointment, audience: await this.facts.reminderAudience(chart) });
      }
      case 'PortalInvitationSent': {
        const given = recordedOf<PortalInvitationSent>(event);
        const chart = await this.facts.chart(given.event.data.chartId);
        if (!chart) return [];
        const stillPending = chart.portal.invitation === 'invited' && chart.portal.lastInvitedAt === given.event.data.sentAt;
        const minorAccess = chart.kind === 'minor' ? (chart.portal.minorAccess ?? 'minor') : null;
        const guardianEmails = chart.kind === 'minor' ? await this.facts.guardianEmails(chart) : [];
        return portalInvitationEmails(given, { practiceId: chart.practiceId, stillPending, minorAccess, guardianEmails });
      }
      case 'DocumentRequested': {
        const given = recordedOf<DocumentRequested>(event);
        const chart = await this.facts.chart(given.event.data.chartId);
        if (!chart) return [];
        const stillRequested = await this.facts.documentRequestOpen(given.event.data.requestId);
        return documentRequestEmails(given, { stillRequested, signers: await this.facts.documentSigners(chart) });
      }
      case 'UserSignedUp':
      case 'UserTimeZoneChanged':
      case 'PracticeMemberAdded':
      case 'PracticeSwitched': {
        const { userId } = event.data as { userId: string };
        const timeZone = await this.digest.timeZone(userId);
        return digestTimerOnChange({ userId, exists: timeZone !== null, timeZone: timeZone ?? 'UTC', now: now.toISOString() });
      }
      case 'PracticeSettingsChanged': {
        // Its members who follow the practice's time zone follow a changed one.
        const memberIds = await this.digest.activeMemberIds((event.data as { practiceId: string }).practiceId);
        const actions: MessagingAction[] = [];
        for (const userId of memberIds) {
          const timeZone = await this.digest.timeZone(userId);
          actions.push(...digestTimerOnChange({ userId, exists: timeZone !== null, timeZone: timeZone ?? 'UTC', now: now.toISOString() }));
        }
        return actions;
      }
      case 'ProductUpdatePublished':
        return productUpdateEmails(recordedOf<ProductUpdatePublished>(event), { users: await this.digest.productUpdateRecipients() });
      default:
        return [];
    }
  }

  /** The timer as it was last set (its stream is the truth, not the read model). */
  private async timerOf(timerId: string): Promise<TimerSet['data'] | undefined> {
    const events = await this.events.readStream(timerStream(timerId));
    const set = [...events].reverse().find((e) => e.type === 'TimerSet');
    return set?.data as TimerSet['data'] | undefined;
  }

  private async execute(action: MessagingAction, cause: RecordedEvent): Promise<void> {
    const practiceId =
      action.kind === 'queue' ? action.message.practiceId : action.kind === 'setTimer' ? action.subject.practiceId : action.kind === 'setDigestTimer' ? null : cause.metadata.practiceId;
    const envelope = (commandType: string) =>
      commandEnvelope({ commandType, actorUserId: null, practiceId, idempotencyKey: `${cause.metadata.eventId}|${action.name}`, correlationId: cause.metadata.correlationId, now: this.now() });
    switch (action.kind) {
      case 'queue': {
        const messageId = deterministicUuid(action.name);
        const command = { type: 'QueueMessage' as const, messageId, ...action.message, causeEventId: cause.metadata.eventId };
        await this.runner.run(messageDecider, messageStream(messageId), command, envelope('QueueMessage'));
        return;
      }
      case 'setTimer': {
        const timerId = deterministicUuid(action.name);
        const command = { type: 'SetTimer' as const, timerId, purpose: 'appointment-reminder' as const, dueAt: action.dueAt, ...action.subject };
        await this.runner.run(timerDecider, timerStream(timerId), command, envelope('SetTimer'));
        return;
      }
      case 'setDigestTimer': {
        const timerId = deterministicUuid(action.name);
        const command = { type: 'SetTimer' as const, timerId, purpose: 'daily-digest' as const, dueAt: action.dueAt, ...action.subject };
        await this.runner.run(timerDecider, timerStream(timerId), command, envelope('SetTimer'));
        return;
      }
      case 'cancelTimer': {
        const timerId = deterministicUuid(action.name);
        await this.runner.run(timerDecider, timerStream(timerId), { type: 'CancelTimer', timerId, reason: action.reason }, envelope('CancelTimer'));
        return;
      }
    }
  }
}
