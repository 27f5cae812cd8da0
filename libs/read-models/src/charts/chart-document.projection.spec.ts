import { InMemoryReadStore } from '@practice/read-store';
import { applyBatch } from '../runtime/apply-batch';
import { recorded } from '../profiles/recorded-events.fixture';
import { CHARTS, chartDocumentProjection } from './chart-document.projection';

const practiceId = 'p-1';
const roles = { billing: true, signsDocuments: false, receivesReminders: true, viewsUpcomingAppointments: false };

describe('charts projection (the chart document)', () => {
  it('holds the profile card, overview, identity, contacts, links and appointments; a replay changes nothing', async () => {
    const collection = new InMemoryReadStore().collection(CHARTS);
    const batch = recorded([
      { type: 'ClientCreated', data: { chartId: 'c-1', practiceId, kind: 'minor', firstName: 'Tim', lastName: 'Jones', email: null } },
      { type: 'ChartContactAdded', data: { chartId: 'c-1', contactId: 'k-1', firstName: 'Bob', lastName: 'Jones', relationship: 'father', clientId: null, roles } },
      { type: 'MinorPortalAccessSet', data: { chartId: 'c-1', access: 'both' } },
      { type: 'ClientProfileEdited', data: { chartId: 'c-1', firstName: 'Timothy', lastName: 'Jones', phone: '+14155550132', gender: 'boy', location: 'Leeds' } },
      { type: 'ClientOverviewEdited', data: { chartId: 'c-1', dateOfBirth: '2015-06-01', address: null, occupation: null, employmentStatus: null, relationshipStatus: null, livingArrangement: 'with parents', diagnosis: null, symptoms: 'anxiety' } },
      { type: 'ClientIdentityEdited', data: { chartId: 'c-1', pronouns: 'he/him', legalSex: 'male', genderIdentity: null } },
      { type: 'ClientTagged', data: { chartId: 'c-1', tagId: 't-1' } },
      { type: 'ClientJoinedGroupChart', data: { chartId: 'c-1', groupChartId: 'g-1', groupName: 'The Joneses' } },
      { type: 'AppointmentBooked', data: { chartId: 'c-1', appointmentId: 'a-1', start: '2026-01-05T10:00:00.000Z', durationMinutes: 50, practitionerId: 'u-1' } },
      { type: 'AppointmentCompleted', data: { chartId: 'c-1', appointmentId: 'a-1' } },
      { type: 'ClientSetupStepCompleted', data: { chartId: 'c-1', step: 'contacts' } },
    ]);
    await applyBatch(chartDocumentProjection, collection, batch);
    const once = await collection.get('c-1');
    await applyBatch(chartDocumentProjection, collection, batch);
    expect(await collection.get('c-1')).toEqual(once);
    expect(once).toMatchObject({
      kind: 'minor',
      profile: { firstName: 'Timothy', phone: '+14155550132', gender: 'boy', location: 'Leeds' },
      overview: { dateOfBirth: '2015-06-01', livingArrangement: 'with parents', symptoms: 'anxiety' },
      identity: { pronouns: 'he/him', legalSex: 'male', legalName: null },
      tagIds: ['t-1'],
      portal: { minorAccess: 'both', invitation: 'none' },
      contacts: [{ contactId: 'k-1', relationship: 'father', roles }],
      memberOf: [{ chartId: 'g-1', name: 'The Joneses' }],
      appointments: [{ appointmentId: 'a-1', status: 'completed' }],
      setup: { complete: false, stepsCompleted: ['contacts'] },
    });
  });

  it('a group chart holds its members and designations; removing a member clears them', async () => {
    const collection = new InMemoryReadStore().collection(CHARTS);
    const member = (clientId: string) => ({ type: 'ChartMemberAdded', data: { chartId: 'g-1', clientId, firstName: 'M', lastName: clientId, receivesReminders: true, receivesSessionBridging: false, groupPortalAccess: false } });
    await applyBatch(chartDocumentProjection, collection, recorded([
      { type: 'GroupChartCreated', data: { chartId: 'g-1', practiceId, groupKind: 'family', name: 'The Joneses' } },
      member('a'),
      member('b'),
      { type: 'IdentifiedPatientDesignated', data: { chartId: 'g-1', clientId: 'a' } },
      { type: 'GroupBillingContactDesignated', data: { chartId: 'g-1', clientId: 'b' } },
      { type: 'ChartMemberSettingsChanged', data: { chartId: 'g-1', clientId: 'b', receivesReminders: false, receivesSessionBridging: true, groupPortalAccess: true } },
      { type: 'ChartMemberRemoved', data: { chartId: 'g-1', clientId: 'a' } },
    ]));
    expect(await collection.get('g-1')).toMatchObject({
      kind: 'group',
      setup: { complete: true },
      group: { groupKind: 'family', name: 'The Joneses', identifiedPatientId: null, billingContactId: 'b', members: [{ clientId: 'b', receivesSessionBridging: true, groupPortalAccess: true }] },
    });
  });
});

describe('charts projection: diagnosis codes', () => {
  it('keeps the codes in order, replaced as a whole; the same event applied twice changes nothing', async () => {
    const collection = new InMemoryReadStore().collection(CHARTS);
    const created = recorded([{ type: 'ClientCreated', data: { chartId: 'c-9', practiceId, kind: 'individual', firstName: 'Ada', lastName: 'L', email: null } }]);
    await applyBatch(chartDocumentProjection, collection, created);
    expect(await collection.get('c-9')).toMatchObject({ diagnosisCodes: [] });
    const batch = recorded([
      { type: 'ClientCreated', data: { chartId: 'c-9', practiceId, kind: 'individual', firstName: 'Ada', lastName: 'L', email: null } },
      { type: 'DiagnosisCodesSet', data: { chartId: 'c-9', codes: ['F41.1', 'Z63.0'] } },
      { type: 'DiagnosisCodesSet', data: { chartId: 'c-9', codes: ['F32.A', 'F41.1'] } },
    ]);
    await applyBatch(chartDocumentProjection, collection, batch);
    const once = await collection.get('c-9');
    expect(once).toMatchObject({ diagnosisCodes: ['F32.A', 'F41.1'] });
    await applyBatch(chartDocumentProjection, collection, batch.slice(2));
    expect(await collection.get('c-9')).toEqual(once);
  });
});
