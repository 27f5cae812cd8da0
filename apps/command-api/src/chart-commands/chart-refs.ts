import { badRequest } from '../http/problem';
import type { GroupMemberInput, MinorContactInput } from '../clients/client.commands';
import type { ChartContactLinkDto, GroupMemberDto } from '../clients/create-chart.request.dto';

const exactlyOne = (field: string, options: string): never => {
  throw badRequest('ValidationFailed', 'The request is not valid', [{ field, message: `must give exactly one of ${options}` }]);
};

/** The DTO of a contact link as the application's input (which contact, which roles). */
export const contactInputOf = (dto: ChartContactLinkDto, field: string): MinorContactInput => {
  const given = [dto.new, dto.contactId, dto.clientId].filter((v) => v !== undefined && v !== null).length;
  if (given !== 1) exactlyOne(field, 'new, contactId, clientId');
  const ref = dto.new
    ? { kind: 'new' as const, firstName: dto.new.firstName, lastName: dto.new.lastName, email: dto.new.email ?? null, phone: dto.new.phone ?? null }
    : dto.contactId
      ? { kind: 'existing' as const, contactId: dto.contactId }
      : { kind: 'client' as const, clientId: dto.clientId! };
  return {
    ref,
    relationship: dto.relationship ?? null,
    billing: dto.billing ?? false,
    receivesReminders: dto.receivesReminders ?? false,
    signsDocuments: dto.signsDocuments ?? false,
    viewsUpcomingAppointments: dto.viewsUpcomingAppointments ?? false,
  };
};

export const memberInputOf = (dto: GroupMemberDto, field: string): GroupMemberInput => {
  const given = [dto.new, dto.clientId].filter((v) => v !== undefined && v !== null).length;
  if (given !== 1) exactlyOne(field, 'new, clientId');
  return {
    ref: dto.new
      ? { kind: 'new', firstName: dto.new.firstName, lastName: dto.new.lastName, email: dto.new.email ?? null }
      : { kind: 'existing', clientId: dto.clientId! },
    receivesReminders: dto.receivesReminders ?? true,
    receivesSessionBridging: dto.receivesSessionBridging ?? false,
    groupPortalAccess: dto.groupPortalAccess ?? false,
    identifiedPatient: dto.identifiedPatient ?? false,
    billingContact: dto.billingContact ?? false,
  };
};
