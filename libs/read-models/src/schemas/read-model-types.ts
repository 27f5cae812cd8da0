/**
 * The TypeScript type of the documents of each read model collection, by collection name. The JSON
 * Schemas in docs/read-models/ are generated from these types (`npm run read-models:schemas`), so the
 * type is the only description of a document: a spec fails when a projection has no entry here or when
 * the committed schemas are not the ones the types generate.
 */
export const readModelTypes: Readonly<Record<string, string>> = {
  clients: 'ClientListDocument',
  needs_attention: 'NeedsAttentionDocument',
  charts: 'ChartDocument',
  tags: 'TagDocument',
  contacts: 'ContactDocument',
  practice_profiles: 'PracticeProfileDocument',
  user_profiles: 'UserProfileDocument',
  user_menus: 'UserMenuDocument',
  user_practices: 'UserPracticeDocument',
  practice_members: 'PracticeMemberDocument',
  practice_invitations: 'PracticeInvitationDocument',
  reports: 'ReportDocument',
  notes: 'NoteDocument',
  services: 'ServiceDocument',
  'chart-ledgers': 'LedgerDocument',
  tasks: 'TaskDocument',
  'document-requests': 'DocumentRequestDocument',
  chart_files: 'ChartFileDocument',
  outbox: 'OutboxDocument',
  timers: 'TimerDocument',
  practitioner_appointments: 'PractitionerAppointmentDocument',
  revenue: 'RevenueDocument',
};
