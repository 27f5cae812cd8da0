import { Command } from '@nestjs/cqrs';
import type { ChartCommand } from '@practice/domain';
import type { CommandEnvelope } from '../application/command-envelope';
import type { ContactLinkInput, ContactRef } from '../contacts/contact-resolver';
import type { PatchClientIdentity, PatchClientOverview, PatchClientProfile } from '../chart-commands/client-record-patch';

export interface ChartCommandResult {
  readonly chartId: string;
  readonly revision: number;
  readonly position: number;
  /** Ids of everything else the command created (members, contacts, appointments, tags). */
  readonly created?: Readonly<Record<string, unknown>>;
}

export class CreateClientCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly firstName: string,
    readonly lastName: string,
    readonly email: string | null,
  ) {
    super();
  }
}

export type MinorContactInput = ContactLinkInput;

export class CreateMinorClientCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly firstName: string,
    readonly lastName: string,
    readonly email: string | null,
    readonly contacts: readonly MinorContactInput[],
    readonly portalAccess: 'minor' | 'guardian' | 'both' | 'neither',
  ) {
    super();
  }
}

export type MemberRef =
  | { readonly kind: 'new'; readonly firstName: string; readonly lastName: string; readonly email: string | null }
  | { readonly kind: 'existing'; readonly clientId: string };

export interface GroupMemberInput {
  readonly ref: MemberRef;
  readonly receivesReminders: boolean;
  readonly receivesSessionBridging: boolean;
  readonly groupPortalAccess: boolean;
  readonly identifiedPatient: boolean;
  readonly billingContact: boolean;
}

export class CreateGroupChartCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly groupKind: 'couple' | 'family' | 'conjoint',
    readonly name: string,
    readonly members: readonly GroupMemberInput[],
  ) {
    super();
  }
}

export class AddChartMemberCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly member: GroupMemberInput,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class RemoveChartMemberCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly clientId: string,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class AddChartContactCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly contact: MinorContactInput,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class RemoveChartContactCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly contactId: string,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class EditClientProfileCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly command: Extract<ChartCommand, { type: 'EditClientProfile' }> | PatchClientProfile,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class DeleteClientCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class TagClientCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly tagId: string,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}

export class BookAppointmentCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly start: string,
    readonly durationMinutes: number,
    readonly practitionerId: string,
    readonly expectedRevision: number | undefined,
    /** Billing: the service (default: the client's default service) and the fee (default: its rate). */
    readonly billing: { readonly serviceId?: string; readonly fee?: number } = {},
  ) {
    super();
  }
}

/** InviteToPortal, or ResendPortalInvitation when `resend`: the handler counts a minor's guardians with an email. */
export class SendPortalInvitationCommand extends Command<ChartCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly chartId: string,
    readonly resend: boolean,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}
