import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Command } from '@nestjs/cqrs';
import { chartStream, contactStream, practiceStream, serviceCatalogueStream, tagCatalogueStream, userStream } from '@practice/events';
import { type Decider, type ChartCommand, practiceDecider, type PracticeCommand, userDecider, type UserCommand, contactDecider, type ContactCommand, tagCatalogueDecider, type TagCatalogueCommand, serviceCatalogueDecider, type ServiceCatalogueCommand } from '@practice/domain';
import { clientRecordDecider, type PatchClientIdentity, type PatchClientOverview } from '../chart-commands/client-record-patch';
import type { CommandEnvelope } from './command-envelope';
import { CommandRunner } from './command-runner';

/**
 * The commands the generic path may carry, per aggregate: an explicit allow-list. Each changes the one
 * stream it names and needs nothing looked up elsewhere. A command that needs lookups or writes other
 * streams (DeleteClient, TagClient, InviteToPortal, BookAppointment, AddChartMember, EditClientProfile, ChangeEmail,
 * ChangePassword, ...) has its own handler and cannot be sent here: it fails to compile.
 */
export interface GenericCommands {
  readonly chart:
    | Extract<
        ChartCommand,
        {
          type:
            | 'AcceptPortalInvitation'
            | 'SetClientPortalAccess'
            | 'SetMinorPortalAccess'
            | 'DeactivateClient'
            | 'ReactivateClient'
            | 'EditClientOverview'
            | 'EditClientIdentity'
            | 'SetLegalName'
            | 'ClearLegalName'
            | 'SetClientPhoto'
            | 'RemoveClientPhoto'
            | 'UntagClient'
            | 'CompleteSetupStep'
            | 'CompleteClientSetup'
            | 'ChangeChartMemberSettings'
            | 'DesignateIdentifiedPatient'
            | 'DesignateGroupBillingContact'
            | 'ChangeChartContactRoles'
            | 'CancelAppointment'
            | 'CompleteAppointment'
            | 'SetDiagnosisCodes'
            | 'AddInsurancePolicy'
            | 'ChangeInsurancePolicy'
            | 'RemoveInsurancePolicy'
            | 'RecordPayment'
            | 'RefundPayment'
            | 'RescheduleAppointment';
        }
      >
    | PatchClientOverview
    | PatchClientIdentity;
  readonly practice: Extract<
    PracticeCommand,
    { type: 'RenamePractice' | 'ChangePracticeSettings' | 'LeavePractice' | 'ChangeMemberRole' | 'RemoveMember' | 'InviteMember' | 'RevokeInvitation' }
  >;
  readonly user: Extract<
    UserCommand,
    { type: 'ChangeName' | 'SetLegalName' | 'ClearLegalName' | 'UpdateClinicalInfo' | 'ChangeNotificationPreferences' | 'SwitchPractice' | 'ChangeTimeZone' }
  >;
  readonly tags: TagCatalogueCommand;
  readonly contact: ContactCommand;
  readonly services: ServiceCatalogueCommand;
}

export type Aggregate = keyof GenericCommands;
export type GenericCommand<K extends Aggregate> = GenericCommands[K];

interface AggregateRoute<C> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly decider: Decider<C, any, any>;
  readonly stream: (id: string) => string;
}

/** Which decider and which stream each aggregate's generic commands go to. */
export const AGGREGATES: { readonly [K in Aggregate]: AggregateRoute<GenericCommands[K]> } = {
  chart: { decider: clientRecordDecider, stream: chartStream },
  practice: { decider: practiceDecider, stream: practiceStream },
  user: { decider: userDecider, stream: userStream },
  tags: { decider: tagCatalogueDecider, stream: tagCatalogueStream },
  contact: { decider: contactDecider, stream: contactStream },
  services: { decider: serviceCatalogueDecider, stream: serviceCatalogueStream },
};

export interface StreamCommandResult {
  readonly revision: number;
  readonly position: number;
}

/** One allowed command for the stream `<aggregate>-<id>`, with the revision the caller saw (If-Match). */
export class StreamCommand<K extends Aggregate = Aggregate> extends Command<StreamCommandResult> {
  constructor(
    readonly envelope: CommandEnvelope,
    readonly aggregate: K,
    readonly id: string,
    readonly command: GenericCommand<K>,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}

/** The one handler of the generic path, for every aggregate. */
@CommandHandler(StreamCommand)
export class StreamCommandHandler implements ICommandHandler<StreamCommand> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ envelope, aggregate, id, command, expectedRevision }: StreamCommand): Promise<StreamCommandResult> {
    const route = AGGREGATES[aggregate] as AggregateRoute<GenericCommand<Aggregate>>;
    const result = await this.runner.run(route.decider, route.stream(id), command, envelope, { expectedRevision });
    return { revision: result.revision, position: result.position };
  }
}
