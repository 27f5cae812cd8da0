/**
 * A broken domain rule. `code` is stable (clients branch on it); `kind` says what sort of refusal it is.
 * The API's catalogue of problem types (apps/command-api/src/http/problem-types.ts) gives every code
 * its HTTP status, title and type URI. No HTTP knowledge here.
 */
export type DomainErrorKind =
  | 'invalid' // the request is well-formed but a value breaks a rule (422)
  | 'not_found' // the thing does not exist, or is not visible to the caller (404)
  | 'conflict' // the current state does not allow it (409)
  | 'forbidden'; // the caller may not do it (403)

/**
 * Every code a domain rule can refuse with, and its kind: the closed set the API documents. A code
 * not listed here does not compile. `*NotFound` is the addressed thing (404); `Unknown*` a reference
 * inside the request body (422).
 */
export const domainErrorKinds = {
  // invalid (422)
  AddressLineRequired: 'invalid',
  ContactIsTheClient: 'invalid',
  CurrentPasswordIncorrect: 'invalid',
  DateOfBirthInFuture: 'invalid',
  DuplicateEmail: 'invalid',
  DuplicateEntry: 'invalid',
  GroupNeedsAMember: 'invalid',
  IdempotencyKeyReused: 'invalid',
  InvalidClinicalInfo: 'invalid',
  InvalidDate: 'invalid',
  InvalidDateTime: 'invalid',
  InvalidDuration: 'invalid',
  InvalidEmail: 'invalid',
  InvalidPhoneNumber: 'invalid',
  InvalidValue: 'invalid',
  MinorNeedsAContact: 'invalid',
  BilledContact: 'invalid',
  NameRequired: 'invalid',
  NameTooLong: 'invalid',
  NotAMember: 'invalid',
  OnlyOneMember: 'invalid',
  PhotoRequired: 'invalid',
  PractitionerNotAMember: 'invalid',
  TextTooLong: 'invalid',
  TwoFactorCodeInvalid: 'invalid',
  UnknownClient: 'invalid',
  UnknownContact: 'invalid',
  UnknownTag: 'invalid',
  NoteBodyRequired: 'invalid',
  InvalidDiagnosisCode: 'invalid',
  TooManyDiagnosisCodes: 'invalid',
  TitleRequired: 'invalid',
  InvalidAssignee: 'invalid',
  // not_found (404)
  AppointmentNotFound: 'not_found',
  ChartNotFound: 'not_found',
  ContactNotFound: 'not_found',
  ContactNotOnChart: 'not_found',
  InvitationNotFound: 'not_found',
  MemberNotFound: 'not_found',
  MessageNotFound: 'not_found',
  LinkNotValid: 'not_found',
  PracticeNotFound: 'not_found',
  TagNotFound: 'not_found',
  UserNotFound: 'not_found',
  NoteNotFound: 'not_found',
  TaskNotFound: 'not_found',
  DocumentRequestNotFound: 'not_found',
  FileNotFound: 'not_found',
  // conflict (409)
  AlreadyAMember: 'conflict',
  AlreadyMember: 'conflict',
  AppointmentAlreadyCompleted: 'conflict',
  AppointmentAlreadyExists: 'conflict',
  AppointmentCancelled: 'conflict',
  AppointmentNotStarted: 'conflict',
  ChartAlreadyExists: 'conflict',
  ClientAlreadyActive: 'conflict',
  ClientAlreadyInactive: 'conflict',
  ClientInactive: 'conflict',
  ClientLinkedToOtherCharts: 'conflict',
  ClientSetupAlreadyComplete: 'conflict',
  ContactAlreadyExists: 'conflict',
  ContactAlreadyOnChart: 'conflict',
  ContactIsAClient: 'conflict',
  EmailAlreadyInUse: 'conflict',
  EmailAlreadyRegistered: 'conflict',
  EmailRequired: 'conflict',
  GroupChartHasNoDetails: 'conflict',
  InvitationAlreadyPending: 'conflict',
  InvitationExpired: 'conflict',
  InvitationNotPending: 'conflict',
  InvitationResendLimitReached: 'conflict',
  LastOwner: 'conflict',
  MessageNotParked: 'conflict',
  NoPendingInvitation: 'conflict',
  NotAGroupChart: 'conflict',
  NotAMinor: 'conflict',
  PortalAccessNotGranted: 'conflict',
  PortalInvitationAlreadyAccepted: 'conflict',
  PortalInvitationPending: 'conflict',
  PracticeAlreadyExists: 'conflict',
  TagAlreadyExists: 'conflict',
  TagNameTaken: 'conflict',
  TwoFactorAlreadyEnabled: 'conflict',
  TwoFactorNotEnabled: 'conflict',
  UserAlreadyExists: 'conflict',
  NoteAlreadyExists: 'conflict',
  NoteAlreadySigned: 'conflict',
  NoteNotSigned: 'conflict',
  IdentifiedPatientRequired: 'conflict',
  TaskAlreadyExists: 'conflict',
  TaskClosed: 'conflict',
  DocumentRequestAlreadyExists: 'conflict',
  DocumentRequestClosed: 'conflict',
  FileAlreadyExists: 'conflict',
  // forbidden (403)
  Forbidden: 'forbidden',
  OnlyOwnersManageOwners: 'forbidden',
  NotTheNoteAuthor: 'forbidden',
  // billing: the service catalogue, billing settings, insurance, charges and payments
  InvalidAmount: 'invalid',
  InvalidCurrency: 'invalid',
  InvalidServiceCode: 'invalid',
  UnknownService: 'invalid',
  InvalidBillTo: 'invalid',
  SubscriberRequired: 'invalid',
  SubscriberIsTheClient: 'invalid',
  InvalidEffectiveDates: 'invalid',
  CurrencyMismatch: 'invalid',
  UnknownCharge: 'invalid',
  AmountExceedsOutstanding: 'invalid',
  RefundExceedsPayment: 'invalid',
  ServiceNotFound: 'not_found',
  InsurancePolicyNotFound: 'not_found',
  PaymentNotFound: 'not_found',
  ServiceAlreadyExists: 'conflict',
  ServiceRetired: 'conflict',
  InsurancePolicyAlreadyExists: 'conflict',
  InsuranceRankTaken: 'conflict',
  PaymentAlreadyExists: 'conflict',
  AppointmentClosed: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof domainErrorKinds;

/** The codes of one kind, so a call site cannot pair a code with another kind. */
export type DomainErrorCodeOf<K extends DomainErrorKind> = {
  [C in DomainErrorCode]: (typeof domainErrorKinds)[C] extends K ? C : never;
}[DomainErrorCode];

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The type parameter only ties the code to its kind where the error is made. */
export class DomainError<K extends DomainErrorKind = DomainErrorKind> extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;

  constructor(
    code: DomainErrorCodeOf<K>,
    kind: K,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.code = code;
    this.kind = kind;
    this.name = code;
  }
}

export const invalid = (code: DomainErrorCodeOf<'invalid'>, field: string, message: string): DomainError =>
  new DomainError(code, 'invalid', message, [{ field, message }]);
