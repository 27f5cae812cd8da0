import type { ContactEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';
import { assertPhoneNumber } from '../shared/phone-number';

/**
 * A person linked to charts (parent, guardian, family member), possibly also a client. Contacts are
 * not bound by the client email rule: one person can be a contact on many charts.
 */
export type ContactState =
  | { readonly status: 'none' }
  | {
      readonly status: 'existing';
      readonly contactId: string;
      readonly practiceId: string;
      readonly firstName: string;
      readonly lastName: string;
      readonly email: string | null;
      readonly phone: string | null;
      readonly clientId: string | null;
    };

export interface ContactDetails {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface CreateContact extends ContactDetails {
  readonly type: 'CreateContact';
  readonly contactId: string;
  readonly practiceId: string;
  readonly clientId: string | null;
}

export interface EditContactDetails extends ContactDetails {
  readonly type: 'EditContactDetails';
  readonly contactId: string;
  readonly practiceId: string;
}

/**
 * The contact record of a client takes the client's name, email and phone when their profile changes:
 * a client who is a contact elsewhere is that contact, edited through their own chart.
 */
export interface FollowClientDetails extends ContactDetails {
  readonly type: 'FollowClientDetails';
  readonly contactId: string;
  readonly practiceId: string;
}

export type ContactCommand = CreateContact | EditContactDetails | FollowClientDetails;

export const contactNotFound = (): DomainError => new DomainError('ContactNotFound', 'not_found', 'No such contact');

const details = (command: ContactDetails, prefix: string): ContactDetails => ({
  firstName: assertPersonName(command.firstName, `${prefix}firstName`),
  lastName: assertPersonName(command.lastName, `${prefix}lastName`),
  email: command.email === null || command.email.trim() === '' ? null : assertEmailAddress(command.email, `${prefix}email`),
  phone: command.phone === null || command.phone.trim() === '' ? null : assertPhoneNumber(command.phone, `${prefix}phone`),
});

/**
 * Creating the contact of a client that exists already (a retried command, or the client linked again
 * as a contact) brings its details to the client's as the command gives them: nothing when they are
 * the same.
 */
const createContact = (command: CreateContact, state: ContactState, fieldPrefix = ''): ContactEvent[] => {
  if (state.status !== 'none') {
    if (command.clientId !== null && state.clientId === command.clientId && state.practiceId === command.practiceId) {
      return newDetails(command, state);
    }
    throw new DomainError('ContactAlreadyExists', 'conflict', 'A contact with this id already exists');
  }
  const { contactId, practiceId, clientId } = command;
  return [{ type: 'ContactCreated', data: { contactId, practiceId, ...details(command, fieldPrefix), clientId } }];
};

/** The event that gives an existing contact `command`'s details, none when they are its details already. */
const newDetails = (command: ContactDetails & { readonly practiceId: string }, state: ContactState): ContactEvent[] => {
  if (state.status !== 'existing' || state.practiceId !== command.practiceId) throw contactNotFound();
  const next = details(command, '');
  const { firstName, lastName, email, phone } = state;
  if (JSON.stringify(next) === JSON.stringify({ firstName, lastName, email, phone })) return [];
  return [{ type: 'ContactDetailsEdited', data: { contactId: state.contactId, ...next } }];
};

/** A client's contact record is edited through the client's profile, which it follows (FollowClientDetails). */
const editContactDetails = (command: EditContactDetails, state: ContactState): ContactEvent[] => {
  if (state.status === 'existing' && state.practiceId === command.practiceId && state.clientId !== null) {
    throw new DomainError('ContactIsAClient', 'conflict', "This contact is a client: edit the client's profile, which the contact follows", [], { clientId: state.clientId });
  }
  return newDetails(command, state);
};

const followClientDetails = (command: FollowClientDetails, state: ContactState): ContactEvent[] => {
  if (state.status === 'existing' && state.clientId === null) throw contactNotFound();
  return newDetails(command, state);
};

export const decide = (command: ContactCommand, state: ContactState): ContactEvent[] => {
  switch (command.type) {
    case 'CreateContact':
      return createContact(command, state);
    case 'EditContactDetails':
      return editContactDetails(command, state);
    case 'FollowClientDetails':
      return followClientDetails(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: ContactState, event: ContactEvent): ContactState => {
  switch (event.type) {
    case 'ContactCreated':
      return { status: 'existing', ...event.data };
    case 'ContactDetailsEdited':
      return state.status === 'existing' ? { ...state, ...event.data } : state;
    default:
      return assertNever(event);
  }
};

export const initialState = (): ContactState => ({ status: 'none' });

export const contactDecider: Decider<ContactCommand, ContactState, ContactEvent> = { decide, evolve, initialState };

/** Validates new-contact details without a stream, naming fields under `prefix` (e.g. `contacts.0.`). */
export const assertContactDetails = (command: ContactDetails, prefix: string): ContactDetails => details(command, prefix);
