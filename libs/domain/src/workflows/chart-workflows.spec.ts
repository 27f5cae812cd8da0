import { fold } from '../shared/decider';
import { chartDecider } from '../chart/chart.decider';
import type { ChartEvent } from '@practice/events';
import { addChartMember, changeEmailWithClaim, createMinorClient, deleteClientCascade, linkContact } from './chart-workflows';
import type { CreateMinorClient } from '../chart/chart.commands';
import type { WorkflowStep } from './workflow';

const p = 'practice-1';
const chart = (events: ChartEvent[]) => fold(chartDecider, events);
const given = (events: ChartEvent[]) => ({ whenDeleted: (): WorkflowStep[] => deleteClientCascade(chart(events), p) });

describe('workflows of commands that span streams', () => {
  describe('change an email with its claim', () => {
    const claim = (before: string | null, after: string | null) => changeEmailWithClaim({ scope: 'client-email', scopeId: p, ownerId: 'c1', ownerRevision: 4, before, after });

    it('to another address: claim the new one, change, release the old one', () =>
      expect(claim('a@example.com', 'b@example.com')).toEqual([
        { kind: 'claimEmail', scope: 'client-email', scopeId: p, email: 'b@example.com', ownerId: 'c1', ownerRevision: 4 },
        { kind: 'main' },
        { kind: 'releaseEmail', scope: 'client-email', scopeId: p, email: 'a@example.com', ownerId: 'c1' },
      ]));

    it('the same address in another letter case: the change alone', () => expect(claim('a@example.com', 'A@Example.com')).toEqual([{ kind: 'main' }]));
    it('from none: claim, then change', () => expect(claim(null, 'b@example.com').map((s) => s.kind)).toEqual(['claimEmail', 'main']));
    it('to none: change, then release', () => expect(claim('a@example.com', null).map((s) => s.kind)).toEqual(['main', 'releaseEmail']));
  });

  describe('delete a client', () => {
    it('when the chart does not exist: the delete alone (the decider refuses it)', () => expect(given([]).whenDeleted()).toEqual([{ kind: 'main' }]));

    it('when the client has an email: the delete, then the email is released', () =>
      expect(
        given([{ type: 'ClientCreated', data: { chartId: 'c1', practiceId: p, kind: 'individual', firstName: 'A', lastName: 'B', email: 'a@example.com' } } as ChartEvent]).whenDeleted(),
      ).toEqual([{ kind: 'main' }, { kind: 'releaseEmail', scope: 'client-email', scopeId: p, email: 'a@example.com', ownerId: 'c1' }]));
  });

  describe('add a member to a group chart', () => {
    const group = { chartId: 'g1', name: 'The Smiths', practiceId: p };

    it('an existing client: the client joins, then the group records the member', () =>
      expect(addChartMember(group, { kind: 'existing', clientId: 'c2' })).toEqual([
        { kind: 'chart', command: { type: 'JoinGroupChart', chartId: 'c2', practiceId: p, groupChartId: 'g1', groupName: 'The Smiths' } },
        { kind: 'main' },
      ]));

    it('a new client with an email: claim it, create the client in the group, then the group', () => {
      const create = { type: 'CreateClient' as const, chartId: 'c3', practiceId: p, firstName: 'A', lastName: 'B', email: 'a@example.com', joinGroup: { groupChartId: 'g1', groupName: 'The Smiths' } };
      expect(addChartMember(group, { kind: 'new', create })).toEqual([
        { kind: 'claimEmail', scope: 'client-email', scopeId: p, email: 'a@example.com', ownerId: 'c3', ownerRevision: -1 },
        { kind: 'chart', command: create },
        { kind: 'main' },
      ]);
    });

    it('a new client without an email: no claim', () => {
      const create = { type: 'CreateClient' as const, chartId: 'c3', practiceId: p, firstName: 'A', lastName: 'B', email: null };
      expect(addChartMember(group, { kind: 'new', create }).map((s) => s.kind)).toEqual(['chart', 'main']);
    });
  });

  describe('link a contact to a chart', () => {
    const onChart = { chartId: 'c1', name: 'Ann Bee', practiceId: p };

    it('an existing contact: the chart alone', () => expect(linkContact(onChart, { contactId: 'k1', clientId: null, create: null })).toEqual([{ kind: 'main' }]));

    it('a new contact: the contact is created, then the chart links it', () => {
      const create = { firstName: 'Kim', lastName: 'Lee', email: null, phone: null, clientId: null };
      expect(linkContact(onChart, { contactId: 'k2', clientId: null, create })).toEqual([
        { kind: 'contact', command: { type: 'CreateContact', contactId: 'k2', practiceId: p, ...create } },
        { kind: 'main' },
      ]);
    });

    it("a client: its contact record, the fact on the client's own chart, then the chart", () => {
      const create = { firstName: 'Kim', lastName: 'Lee', email: null, phone: null, clientId: 'c9' };
      expect(linkContact(onChart, { contactId: 'k3', clientId: 'c9', create })).toEqual([
        { kind: 'contact', command: { type: 'CreateContact', contactId: 'k3', practiceId: p, ...create } },
        { kind: 'chart', command: { type: 'RecordClientAsContact', chartId: 'c9', practiceId: p, contactId: 'k3', onChartId: 'c1', onChartName: 'Ann Bee' } },
        { kind: 'main' },
      ]);
    });
  });

  describe('create a minor with contacts', () => {
    const minor = (email: string | null): CreateMinorClient => ({
      type: 'CreateMinorClient',
      chartId: 'm1',
      practiceId: p,
      firstName: ' Mia ',
      lastName: 'Lee',
      email,
      portalAccess: 'guardian',
      contacts: [],
    } as unknown as CreateMinorClient);
    const newContact = { contactId: 'k1', clientId: null, create: { firstName: 'Kim', lastName: 'Lee', email: null, phone: null, clientId: null } };
    const clientContact = { contactId: 'k2', clientId: 'c9', create: null };

    it("each contact's side in order, the minor's email claim, then the minor's chart last", () =>
      expect(createMinorClient(minor('mia@example.com'), [newContact, clientContact])).toEqual([
        { kind: 'contact', command: { type: 'CreateContact', contactId: 'k1', practiceId: p, ...newContact.create } },
        { kind: 'chart', command: { type: 'RecordClientAsContact', chartId: 'c9', practiceId: p, contactId: 'k2', onChartId: 'm1', onChartName: 'Mia Lee' } },
        { kind: 'claimEmail', scope: 'client-email', scopeId: p, email: 'mia@example.com', ownerId: 'm1', ownerRevision: -1 },
        { kind: 'main' },
      ]));

    it('without an email: no claim', () => expect(createMinorClient(minor(null), [newContact]).map((s) => s.kind)).toEqual(['contact', 'main']));
  });
});
