import { deterministicUuid } from '../application/deterministic-id';
import type { CommandRunner } from '../application/command-runner';
import type { CommandEnvelope } from '../application/command-envelope';
import { chartStream, contactStream } from '@practice/events';
import { chartDecider, displayNameOf, type ChartState, assertContactDetails, contactDecider, type ContactDetails, DomainError, type OpenChart } from '@practice/domain';

/** A contact as a request names it: new, an existing contact, or an existing client. */
export type ContactRef =
  | ({ readonly kind: 'new' } & ContactDetails)
  | { readonly kind: 'existing'; readonly contactId: string }
  | { readonly kind: 'client'; readonly clientId: string };

/** A contact to link to a chart, and its roles there. */
export interface ContactLinkInput {
  readonly ref: ContactRef;
  readonly billing: boolean;
  readonly receivesReminders: boolean;
  readonly signsDocuments: boolean;
  readonly viewsUpcomingAppointments: boolean;
  readonly relationship: string | null;
}

export interface ResolvedContact {
  readonly contactId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly clientId: string | null;
  /** Details of a contact still to be created (new, or the contact record of an existing client). */
  readonly create: (ContactDetails & { readonly clientId: string | null }) | null;
}

const unknownReference = (code: 'UnknownClient' | 'UnknownContact', field: string, what: string): DomainError =>
  new DomainError(code, 'invalid', `No such ${what} in this practice`, [{ field, message: `must be a ${what} of this practice` }]);

/** The one contact record of a client: the same id however often the client is made a contact. */
export const contactIdOfClient = (clientId: string): string => deterministicUuid(`contact-of-client|${clientId}`);

/** The details a client's contact record takes from the client's chart (when linked, and after each profile edit). */
export const contactDetailsOfClient = (chart: OpenChart): ContactDetails => ({ firstName: chart.name.firstName, lastName: chart.name.lastName, email: chart.email, phone: chart.phone });

/** An individual or minor client of the practice, or an "invalid" naming `field`. */
export const existingClientChart = async (runner: CommandRunner, practiceId: string, clientId: string, field: string) => {
  const { state } = await runner.load(chartDecider, chartStream(clientId));
  if (state.status !== 'open' || state.practiceId !== practiceId || state.kind === 'group') {
    throw unknownReference('UnknownClient', field, 'client');
  }
  return state;
};

/** Finds or prepares the contact a request names; writes nothing. */
export const resolveContact = async (
  runner: CommandRunner,
  envelope: CommandEnvelope,
  practiceId: string,
  ref: ContactRef,
  field: string,
  purpose: string,
): Promise<ResolvedContact> => {
  switch (ref.kind) {
    case 'new': {
      const details = assertContactDetails(ref, `${field}.`);
      return { contactId: envelope.newId(purpose), ...details, clientId: null, create: { ...details, clientId: null } };
    }
    case 'existing': {
      const { state } = await runner.load(contactDecider, contactStream(ref.contactId));
      if (state.status !== 'existing' || state.practiceId !== practiceId) throw unknownReference('UnknownContact', `${field}.contactId`, 'contact');
      return { contactId: state.contactId, firstName: state.firstName, lastName: state.lastName, clientId: state.clientId, create: null };
    }
    case 'client': {
      const chart = await existingClientChart(runner, practiceId, ref.clientId, `${field}.clientId`);
      const contactId = contactIdOfClient(ref.clientId);
      const details = contactDetailsOfClient(chart);
      return { contactId, firstName: details.firstName, lastName: details.lastName, clientId: ref.clientId, create: { ...details, clientId: ref.clientId } };
    }
  }
};

export const chartNameOf = (state: ChartState): string => (state.status === 'open' ? displayNameOf(state) : '');

/** The link a chart keeps to a resolved contact, with the roles the request gave it. */
export const chartContactOf = (contact: ResolvedContact, input: ContactLinkInput) => ({
  contactId: contact.contactId,
  firstName: contact.firstName,
  lastName: contact.lastName,
  relationship: input.relationship,
  clientId: contact.clientId,
  roles: {
    billing: input.billing,
    signsDocuments: input.signsDocuments,
    receivesReminders: input.receivesReminders,
    viewsUpcomingAppointments: input.viewsUpcomingAppointments,
  },
});
