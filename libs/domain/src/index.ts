export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/email-address';
export * from './shared/person-name';
export * as Reservation from './reservation/reservation.decider';
export * as User from './user/user.decider';
export * as Practice from './practice/practice.decider';
export * as Chart from './chart/chart.decider';
export * from './practice/permissions';
export * from './user/npi';
export * from './user/taxonomy-code';
export * from './user/clinical-info';
export * as Contact from './contact/contact.decider';
export * as TagCatalogue from './tags/tag-catalogue.decider';
export * from './shared/phone-number';
export { chartDecider, chartNotFound, displayNameOf, emailClaimChanges, type AddChartContact, type AddChartMember, type ChartCommand, type ChartState, type CreateClient, type CreateGroupChart, type CreateMinorClient, type EditClientIdentity, type EditClientOverview, type EditClientProfile, type NewGroupMember, type OpenChart } from './chart/chart.decider';
export { type RegisteredUser, type UserCommand, type UserState, userDecider, userNotFound } from './user/user.decider';
export { ABANDONED_AFTER_MS, emailAlreadyInUse, reservationDecider, type HolderFinding, type ReleaseEmail, type ReservationState, type ReserveEmail } from './reservation/reservation.decider';
export { membershipOf, practiceDecider, practiceNotFound, type Membership, type PracticeCommand, type PracticeState } from './practice/practice.decider';
export { assertContactDetails, contactDecider, type ContactCommand, type ContactDetails } from './contact/contact.decider';
export { tagCatalogueDecider, type TagCatalogueCommand } from './tags/tag-catalogue.decider';
export { type WorkflowStep } from './workflows/workflow';
export { addChartMember, changeEmailWithClaim, createMinorClient, deleteClientCascade, linkContact, type ContactToLink, type MemberToAdd } from './workflows/chart-workflows';
export { clientChartOf } from './chart/chart.guards';
export { hasLoneSurrogate } from './shared/unicode-text';
export { invitationNotFound } from './practice/invitation.decide';
export { memberNotFound } from './practice/membership.decide';
export { defaultPracticeSettings } from './practice/practice.state';
export { noteDecider, noteNotFound, NOTE_BODY_MAX, type NoteCommand, type NoteState, type WriteNote, type EditNote, type SignNote, type AddNoteAddendum } from './note/note.decider';
export * as ServiceCatalogue from './services/service-catalogue.decider';
export { serviceCatalogueDecider, serviceNotFound, isServiceCode, type ServiceCatalogueCommand, type ServiceCatalogueState, type CatalogueService } from './services/service-catalogue.decider';
export { assertAmount, assertCurrency, MAX_MINOR_UNITS } from './shared/money';
export { insurancePolicyNotFound, paymentNotFound, type ChartBilling, type BillingSettings, type CatalogueSnapshot, type SetBillingSettings, type AddInsurancePolicy, type ChangeInsurancePolicy, type RemoveInsurancePolicy, type RecordPayment, type RefundPayment, type LateCancelAppointment, type MarkAppointmentNoShow, type InsurancePolicyFields } from './chart/chart.decider';
export { assertCalendarDate, calendarDateMs } from './shared/calendar-date';
export { taskDecider, taskNotFound, type TaskCommand, type TaskState, type AssignTask, type EditTask, type CompleteTask, type CancelTask, type ReopenTask } from './task/task.decider';
export { documentRequestDecider, documentRequestNotFound, type DocumentRequestCommand, type DocumentRequestState } from './document-request/document-request.decider';
export { fileDecider, fileNotFound, type DeleteFile, type FileCommand, type FileState, type UploadFile } from './file/file.decider';
export { FALLBACK_FILE_NAME, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file/file-name';
export { backoffMs, defaultRetryPolicy, messageDecider, type MessageCommand, type MessageState, type RetryPolicy, type SendOutcome } from './messaging/message.decider';
export { timerDecider, type TimerCommand, type TimerState, type TimerSubject } from './messaging/timer.decider';
export {
  DEFAULT_REMINDER_LEAD_HOURS,
  documentRequestEmails,
  documentSignerEmails,
  portalInvitationEmails,
  practiceInvitationEmail,
  reminderDropped,
  reminderOnBooking,
  reminderRecipients,
  reminderTimerName,
  remindersOnTimer,
  sessionBridgingOnCompletion,
  type DocumentSigners,
  type MessagingAction,
  type ReminderAudience,
} from './messaging/message-workflows';
export { type DigestTimerSubject } from './messaging/timer.decider';
export {
  DIGEST_HOUR,
  dailyDigestOnTimer,
  digestHasNews,
  digestMessageName,
  digestTimeZone,
  digestTimerAt,
  digestTimerName,
  digestTimerOnChange,
  userCategoryOf,
  type DigestRecipient,
} from './messaging/daily-digest';
export { productUpdateEmails, productUpdateMessageName, type ProductUpdateRecipient } from './messaging/product-updates';
export { addDays, assertTimeZone, instantOfLocal, isTimeZone, localDateOf, nextLocalTime } from './shared/time-zone';
export { productUpdateDecider, type ProductUpdateState, type PublishProductUpdate } from './messaging/product-update.decider';
