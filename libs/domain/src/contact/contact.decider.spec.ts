import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ContactEvent } from '@practice/events';
import { contactDecider, type ContactCommand } from './contact.decider';

const spec = deciderSpec(contactDecider);
const create = (overrides: Partial<Extract<ContactCommand, { type: 'CreateContact' }>> = {}): ContactCommand => ({
  type: 'CreateContact',
  contactId: 'k-1',
  practiceId: 'p-1',
  firstName: ' Bob ',
  lastName: 'Jones',
  email: 'bob@example.com',
  phone: '+44 20 7946 0958',
  clientId: null,
  ...overrides,
});
const created: ContactEvent = {
  type: 'ContactCreated',
  data: { contactId: 'k-1', practiceId: 'p-1', firstName: 'Bob', lastName: 'Jones', email: 'bob@example.com', phone: '+442079460958', clientId: null },
};

describe('Contact decider', () => {
  describe('when the contact does not exist', () => {
    it('creates it with a trimmed name and an E.164 phone', () => {
      spec.given([]).when(create()).then([created]);
    });

    it('refuses a bad email or phone, naming the field', () => {
      spec.given([]).when(create({ email: 'x' })).thenThrows('InvalidEmail', 'email');
      spec.given([]).when(create({ phone: '123' })).thenThrows('InvalidPhoneNumber', 'phone');
    });

    it('has nothing to edit', () => {
      spec.given([]).when({ type: 'EditContactDetails', contactId: 'k-1', practiceId: 'p-1', firstName: 'A', lastName: 'B', email: null, phone: null }).thenThrows('ContactNotFound');
    });
  });

  describe('when the contact exists', () => {
    it('refuses to create it again, unless it is the same client contact (a retry)', () => {
      spec.given([created]).when(create()).thenThrows('ContactAlreadyExists');
      const ofClient: ContactEvent = { ...created, data: { ...created.data, clientId: 'c-1' } } as ContactEvent;
      spec.given([ofClient]).when(create({ clientId: 'c-1' })).then([]);
    });

    it("brings a client's contact to the client's details when it is created again (linked again after a profile edit)", () => {
      const ofClient: ContactEvent = { ...created, data: { ...created.data, clientId: 'c-1' } } as ContactEvent;
      spec
        .given([ofClient])
        .when(create({ clientId: 'c-1', email: 'bob.new@example.com' }))
        .then([{ type: 'ContactDetailsEdited', data: { contactId: 'k-1', firstName: 'Bob', lastName: 'Jones', email: 'bob.new@example.com', phone: '+442079460958' } }]);
    });

    it('edits the details; the same details change nothing', () => {
      spec
        .given([created])
        .when({ type: 'EditContactDetails', contactId: 'k-1', practiceId: 'p-1', firstName: 'Robert', lastName: 'Jones', email: null, phone: null })
        .then([{ type: 'ContactDetailsEdited', data: { contactId: 'k-1', firstName: 'Robert', lastName: 'Jones', email: null, phone: null } }]);
      spec
        .given([created])
        .when({ type: 'EditContactDetails', contactId: 'k-1', practiceId: 'p-1', firstName: 'Bob', lastName: 'Jones', email: 'bob@example.com', phone: '+442079460958' })
        .then([]);
    });

    it("refuses to edit a client's contact record, which follows the client's profile instead", () => {
      const ofClient: ContactEvent = { ...created, data: { ...created.data, clientId: 'c-1' } } as ContactEvent;
      const edit = { contactId: 'k-1', practiceId: 'p-1', firstName: 'Robert', lastName: 'Jones', email: 'rob@example.com', phone: null };
      spec.given([ofClient]).when({ type: 'EditContactDetails', ...edit }).thenThrows('ContactIsAClient');
      spec
        .given([ofClient])
        .when({ type: 'FollowClientDetails', ...edit })
        .then([{ type: 'ContactDetailsEdited', data: { contactId: 'k-1', firstName: 'Robert', lastName: 'Jones', email: 'rob@example.com', phone: null } }]);
      spec.given([ofClient]).when({ type: 'FollowClientDetails', ...edit, firstName: 'Bob', email: 'bob@example.com', phone: '+442079460958' }).then([]);
      spec.given([created]).when({ type: 'FollowClientDetails', ...edit }).thenThrows('ContactNotFound');
    });

    it('does not exist for another practice', () => {
      spec.given([created]).when({ type: 'EditContactDetails', contactId: 'k-1', practiceId: 'p-2', firstName: 'A', lastName: 'B', email: null, phone: null }).thenThrows('ContactNotFound');
    });
  });
});
