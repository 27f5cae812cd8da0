import type { ProjectionDefinition } from './projection';
import { clientListProjection } from './clients/client-list.projection';
import { needsAttentionProjection } from './needs-attention/needs-attention.projection';
import { chartDocumentProjection } from './charts/chart-document.projection';
import { tagProjection } from './tags/tag.projection';
import { contactProjection } from './contacts/contact.projection';
import { practiceProfileProjection } from './profiles/practice-profile.projection';
import { userProfileProjection } from './profiles/user-profile.projection';
import { userMenuProjection } from './user-menus/user-menu.projection';
import { userPracticeProjection } from './user-practices/user-practice.projection';
import { practiceMemberProjection } from './practice-members/practice-member.projection';
import { practiceInvitationProjection } from './practice-members/practice-invitation.projection';
import { reportProjection } from './reports/report.projection';
import { noteProjection } from './notes/note.projection';
import { serviceProjection } from './services/service.projection';
import { ledgerProjection } from './ledger/ledger.projection';
import { taskProjection } from './tasks/task.projection';
import { documentRequestProjection } from './document-requests/document-request.projection';
import { chartFileProjection } from './files/chart-file.projection';
import { outboxProjection, timerProjection } from './messages/outbox.projection';
import { practitionerAppointmentProjection } from './messages/practitioner-appointments.projection';
import { revenueProjection } from './revenue/revenue.projection';

/** Every read model the projector maintains. */
export const allProjections: readonly ProjectionDefinition[] = [
  clientListProjection,
  needsAttentionProjection,
  chartDocumentProjection,
  tagProjection,
  contactProjection,
  practiceProfileProjection,
  userProfileProjection,
  userMenuProjection,
  userPracticeProjection,
  practiceMemberProjection,
  practiceInvitationProjection,
  reportProjection,
  noteProjection,
  serviceProjection,
  ledgerProjection,
  taskProjection,
  documentRequestProjection,
  chartFileProjection,
  outboxProjection,
  timerProjection,
  practitionerAppointmentProjection,
  revenueProjection,
] as unknown as readonly ProjectionDefinition[];
