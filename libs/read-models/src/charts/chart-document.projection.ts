import type { ClientCreated, LegalNameSet, ClientEmailChanged, ClientIdentityEdited, ClientOverviewEdited, ClientPhotoSet, ClientProfileEdited, ClientSetupStepCompleted, ClientTagged, ClientUntagged, ClientPortalAccessSet, MinorPortalAccessSet, PortalInvitationAccepted, PortalInvitationSent, GroupChartCreated, DiagnosisCodesSet } from '@practice/events';
import { byChartId, defineProjection } from '../projection';
import { change, dataOf, newChartDocument } from './chart-document.base';
import { linkHandlers } from './chart-document.link-handlers';
import type { ChartDocument } from './chart.document';

export const CHARTS = 'charts';

export const chartDocumentProjection = defineProjection<ChartDocument>({
  name: CHARTS,
  indexes: [{ name: 'practice', keys: { practiceId: 1 } }],
  documentIds: byChartId,
  handlers: {
    ClientCreated: (_doc, event, id) => {
      const { practiceId, kind, firstName, lastName, email } = dataOf<ClientCreated['data']>(event);
      return newChartDocument(event, id, { practiceId, kind, firstName, lastName, email, group: null });
    },
    GroupChartCreated: (_doc, event, id) => {
      const { practiceId, groupKind, name } = dataOf<GroupChartCreated['data']>(event);
      const group = { groupKind, name, members: [], identifiedPatientId: null, billingContactId: null };
      return newChartDocument(event, id, { practiceId, kind: 'group', firstName: name, lastName: '', email: null, group });
    },
    LegalNameSet: (doc, event) => {
      const { firstName, lastName } = dataOf<LegalNameSet['data']>(event);
      return change(doc, event, (d) => ({ identity: { ...d.identity, legalName: { firstName, lastName } } }));
    },
    LegalNameCleared: (doc, event) => change(doc, event, (d) => ({ identity: { ...d.identity, legalName: null } })),
    ClientIdentityEdited: (doc, event) => {
      const { pronouns, legalSex, genderIdentity } = dataOf<ClientIdentityEdited['data']>(event);
      return change(doc, event, (d) => ({ identity: { ...d.identity, pronouns, legalSex, genderIdentity } }));
    },
    ClientProfileEdited: (doc, event) => {
      const { firstName, lastName, phone, gender, location } = dataOf<ClientProfileEdited['data']>(event);
      return change(doc, event, (d) => ({ profile: { ...d.profile, firstName, lastName, phone, gender, location } }));
    },
    ClientEmailChanged: (doc, event) =>
      change(doc, event, (d) => ({ profile: { ...d.profile, email: dataOf<ClientEmailChanged['data']>(event).email } })),
    ClientPhotoSet: (doc, event) =>
      change(doc, event, (d) => ({ profile: { ...d.profile, photoRef: dataOf<ClientPhotoSet['data']>(event).photoRef } })),
    ClientPhotoRemoved: (doc, event) => change(doc, event, (d) => ({ profile: { ...d.profile, photoRef: null } })),
    ClientOverviewEdited: (doc, event) => {
      const { chartId: _id, ...overview } = dataOf<ClientOverviewEdited['data']>(event);
      return change(doc, event, () => ({ overview }));
    },
    ClientTagged: (doc, event) => {
      const { tagId } = dataOf<ClientTagged['data']>(event);
      return change(doc, event, (d) => ({ tagIds: [...d.tagIds.filter((t) => t !== tagId), tagId] }));
    },
    ClientUntagged: (doc, event) => {
      const { tagId } = dataOf<ClientUntagged['data']>(event);
      return change(doc, event, (d) => ({ tagIds: d.tagIds.filter((t) => t !== tagId) }));
    },
    ClientSetupStepCompleted: (doc, event) => {
      const { step } = dataOf<ClientSetupStepCompleted['data']>(event);
      return change(doc, event, (d) => ({ setup: { ...d.setup, stepsCompleted: [...d.setup.stepsCompleted.filter((s) => s !== step), step] } }));
    },
    ClientSetupCompleted: (doc, event) =>
      change(doc, event, (d) => ({ setup: { ...d.setup, complete: true, completedAt: event.metadata.occurredAt } })),
    PortalInvitationSent: (doc, event) => {
      const { sentAt } = dataOf<PortalInvitationSent['data']>(event);
      return change(doc, event, (d) => ({ portal: { ...d.portal, invitation: 'invited', lastInvitedAt: sentAt, access: true } }));
    },
    PortalInvitationAccepted: (doc, event) => {
      const { acceptedAt } = dataOf<PortalInvitationAccepted['data']>(event);
      return change(doc, event, (d) => ({ portal: { ...d.portal, invitation: 'accepted', acceptedAt } }));
    },
    ClientPortalAccessSet: (doc, event) =>
      change(doc, event, (d) => ({ portal: { ...d.portal, access: dataOf<ClientPortalAccessSet['data']>(event).enabled } })),
    MinorPortalAccessSet: (doc, event) =>
      change(doc, event, (d) => ({ portal: { ...d.portal, minorAccess: dataOf<MinorPortalAccessSet['data']>(event).access } })),
    ClientDeactivated: (doc, event) => change(doc, event, () => ({ active: false })),
    ClientReactivated: (doc, event) => change(doc, event, () => ({ active: true })),
    ClientDeleted: () => null,
    ...linkHandlers,
    DiagnosisCodesSet: (doc, event) => change(doc, event, () => ({ diagnosisCodes: dataOf<DiagnosisCodesSet['data']>(event).codes })),
  },
});
