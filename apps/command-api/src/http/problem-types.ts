import { domainErrorKinds, type DomainErrorCode, type DomainErrorKind } from '@practice/domain';

/**
 * The catalogue of problem types (RFC 9457): every `code` the API can answer with, its HTTP status,
 * its title (the same for every occurrence; what is particular to one goes in `detail`) and its `type`
 * URI. The exception filter renders from it, the README lists it, and the OpenAPI document can take its
 * `code` enum from `problemCodes`.
 */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
  /** One sentence for the documentation: when this problem is answered. */
  readonly when: string;
}

export const PROBLEM_TYPE_BASE = 'https://practice-core.dev/problems/';

const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = { invalid: 422, not_found: 404, conflict: 409, forbidden: 403 };

/** Problems of the HTTP layer itself: requests, headers, tokens, infrastructure. */
const httpProblems = {
  BadRequest: { status: 400, title: 'Bad request', when: 'The request cannot be read (and no more precise problem applies).' },
  MalformedJson: { status: 400, title: 'Malformed JSON', when: 'The body is not valid JSON (or its bytes are not UTF-8).' },
  JsonObjectRequired: { status: 400, title: 'JSON object required', when: 'The body is JSON but not an object (`null`, `[]`, `42`).' },
  BodyTooDeep: { status: 400, title: 'Body nested too deep', when: 'The body nests more levels than `maxDepth` (32).' },
  ValidationFailed: { status: 400, title: 'Validation failed', when: 'Fields, path or query parameters are missing, unknown or malformed; `errors` names each.' },
  InvalidCursor: { status: 400, title: 'Invalid cursor', when: 'A list `cursor` is malformed, forged or from another list.' },
  InvalidIdempotencyKey: { status: 400, title: 'Invalid Idempotency-Key', when: 'Idempotency-Key is not 1 to 200 visible ASCII characters.' },
  InvalidIfMatch: { status: 400, title: 'Invalid If-Match', when: 'If-Match is not a revision as returned in ETag.' },
  InvalidConsistencyToken: { status: 400, title: 'Invalid consistency token', when: 'X-Consistency-Token is not a position returned by a command.' },
  Unauthorized: { status: 401, title: 'Authentication required', when: 'No bearer token, or one that is invalid, expired or revoked.' },
  InvalidCredentials: { status: 401, title: 'Invalid credentials', when: 'Sign-in with a wrong email or password (the same answer for an unknown email).' },
  TwoFactorRequired: { status: 401, title: 'Two-step code required', when: 'Sign-in of an account with 2-step on, without `otp` or `recoveryCode`.' },
  NotFound: { status: 404, title: 'Not found', when: 'No route has this path.' },
  MethodNotAllowed: { status: 405, title: 'Method not allowed', when: 'The path exists but not with this method; `Allow` and `allow` list those it has.' },
  NotAcceptable: { status: 406, title: 'Not acceptable', when: 'A route that answers more than one type (a report, an export, the superbill) with an `Accept` that refuses every one (`q=0`); `errors` names the header.' },
  Conflict: { status: 409, title: 'Conflict', when: 'The request conflicts with the current state (and no more precise problem applies).' },
  ConcurrentModification: { status: 409, title: 'Concurrent modification', when: 'Others changed the record at the same moment, more often than the retries could absorb; try again.' },
  Deleted: { status: 410, title: 'Deleted', when: 'The record was deleted.' },
  RevisionMismatch: { status: 412, title: 'Revision mismatch', when: 'If-Match names a revision that is no longer current; `currentRevision` gives the current one.' },
  PayloadTooLarge: { status: 413, title: 'Payload too large', when: 'The body is larger than `BODY_LIMIT`.' },
  UnsupportedMediaType: { status: 415, title: 'Unsupported media type', when: 'The body is not `application/json` (or a merge patch type where one is expected).' },
  UriTooLong: { status: 414, title: 'URI too long', when: 'The request line is longer than the server reads.' },
  InvalidPeriod: { status: 422, title: 'Invalid period', when: 'A period (`from`, `to`) whose dates are not calendar dates from 1900 on, run backwards or span more than 366 days; `errors` names the parameter.' },
  TooManyRequests: { status: 429, title: 'Too many requests', when: 'Too many requests (and no more precise problem applies).' },
  SignInLocked: { status: 429, title: 'Sign-in locked', when: 'Five failed sign-ins in a row for this email; `Retry-After` says when to try again.' },
  InternalError: { status: 500, title: 'Internal error', when: 'Something unexpected went wrong on the server; nothing of the request is echoed.' },
  EventStoreUnavailable: { status: 503, title: 'Event store unavailable', when: 'The event store cannot be reached; try again.' },
  ReadStoreUnavailable: { status: 503, title: 'Read store unavailable', when: 'The read models or the credential store cannot be reached; try again.' },
  ProjectorStopped: { status: 503, title: 'Projector stopped', when: '`/health` of a process whose projector stopped (a store failure, a subscription it gave up on); `reason` says why.' },
  ReadModelBehind: { status: 503, title: 'Read models behind', when: 'The read models did not reach X-Consistency-Token within `CONSISTENCY_WAIT_MS`; `Retry-After` says when to try again.' },
  ReadModelNotFound: { status: 404, title: 'Read model not found', when: 'No read model collection has this name (`GET /read-models` lists them).' },
  ReportNotFound: { status: 404, title: 'Report not found', when: 'No report has this name (the README lists them).' },
  InvalidReportParameter: { status: 422, title: 'Invalid report parameter', when: 'A report parameter (`from`, `to`, `granularity`) is missing, malformed or out of range; `errors` names it.' },
  FileTooLarge: { status: 413, title: 'File too large', when: 'An uploaded file is larger than `FILE_LIMIT`; `maxBytes` gives the limit.' },
  UnsupportedFileType: { status: 415, title: 'Unsupported file type', when: 'The bytes of an uploaded file are not of an allowed type, or not of the type it was sent as; `errors` names the field.' },
  FileRequired: { status: 400, title: 'File required', when: 'An upload without a file part named `file` (or with more than one file, or with other fields).' },
} as const satisfies Record<string, ProblemType>;

type DomainProblem = Omit<ProblemType, 'status'>;

/** Domain rules (libs/domain): the status follows the rule's kind. */
const domainProblems: Readonly<Record<DomainErrorCode, DomainProblem>> = {
  AddressLineRequired: { title: 'Address line required', when: 'An address is given without its first line.' },
  ContactIsTheClient: { title: 'Contact is the client', when: 'A client is named as a contact of their own chart.' },
  CurrentPasswordIncorrect: { title: 'Current password incorrect', when: 'A password change gives a wrong current password.' },
  DateOfBirthInFuture: { title: 'Date of birth in the future', when: 'A date of birth after today.' },
  DuplicateEmail: { title: 'Duplicate email', when: 'The same email twice in one request.' },
  DuplicateEntry: { title: 'Duplicate entry', when: 'A list of the request names the same client, contact or diagnosis code twice.' },
  GroupNeedsAMember: { title: 'Group needs a member', when: 'A couple / family / conjoint chart without members.' },
  IdempotencyKeyReused: { title: 'Idempotency-Key reused', when: 'An Idempotency-Key already used for the same command on the same record with a different request (method, path or body).' },
  InvalidClinicalInfo: { title: 'Invalid clinical info', when: 'NPI, taxonomy code or license fields are not valid; `errors` names each.' },
  InvalidDate: { title: 'Invalid date', when: 'A date is not a calendar date (YYYY-MM-DD) after 1900.' },
  InvalidDateTime: { title: 'Invalid date-time', when: 'A date-time is not ISO 8601, or not in the years 1900 to 9999 (UTC).' },
  InvalidDuration: { title: 'Invalid duration', when: 'An appointment duration outside 5..720 minutes.' },
  InvalidEmail: { title: 'Invalid email', when: 'An email address that is not valid.' },
  InvalidPhoneNumber: { title: 'Invalid phone number', when: 'A phone number that cannot be parsed.' },
  InvalidValue: { title: 'Invalid value', when: 'A value passed the request checks but the event cannot hold it.' },
  MinorNeedsAContact: { title: 'Minor needs a contact', when: 'A minor without contacts, or removing the last contact of a minor.' },
  BilledContact: { title: 'Billed contact', when: "Removing the contact a minor's billing settings bill, or their billing role: choose another Billing Contact in the billing settings first." },
  NameRequired: { title: 'Name required', when: 'A required name is empty.' },
  NameTooLong: { title: 'Name too long', when: 'A name longer than allowed (200 characters; 60 for tags).' },
  NotAMember: { title: 'Not a member', when: 'A client named as identified patient, billing contact or member is not a member of the group chart.' },
  OnlyOneMember: { title: 'Only one member', when: 'A flag that one member only may have (identified patient, billing contact) is set on several.' },
  PhotoRequired: { title: 'Photo required', when: 'A photo reference is empty.' },
  PractitionerNotAMember: { title: 'Practitioner not a member', when: 'An appointment with a practitioner who is not a member of the practice.' },
  TextTooLong: { title: 'Text too long', when: 'A text field longer than allowed.' },
  TwoFactorCodeInvalid: { title: 'Two-step code invalid', when: 'A 2-step code (or the password with it) is not correct.' },
  UnknownClient: { title: 'Unknown client', when: 'The body references a client that is not in the practice.' },
  UnknownContact: { title: 'Unknown contact', when: 'The body references a contact that is not in the practice.' },
  UnknownTag: { title: 'Unknown tag', when: "The body references a tag that is not in the practice's catalogue." },
  NoteBodyRequired: { title: 'Note body required', when: 'A note or an addendum with an empty body.' },
  InvalidDiagnosisCode: { title: 'Invalid diagnosis code', when: 'A diagnosis code is not an ICD-10-CM code (a letter, two digits, optionally a dot and 1 to 4 letters or digits).' },
  TooManyDiagnosisCodes: { title: 'Too many diagnosis codes', when: 'More than 12 diagnosis codes on a chart.' },
  TitleRequired: { title: 'Title required', when: 'A task or document request title is empty.' },
  InvalidAssignee: { title: 'Invalid assignee', when: "A task's assignee does not fit the chart: the client of an individual or minor chart, a contact of a minor's chart, a member of a group chart." },
  AppointmentNotFound: { title: 'Appointment not found', when: 'No such appointment on this chart.' },
  ChartNotFound: { title: 'Chart not found', when: 'No such chart in this practice (or it was deleted).' },
  ContactNotFound: { title: 'Contact not found', when: 'No such contact in this practice.' },
  ContactNotOnChart: { title: 'Contact not on chart', when: 'The contact is not linked to this chart.' },
  InvitationNotFound: { title: 'Invitation not found', when: 'No such invitation (or not one addressed to the caller).' },
  MemberNotFound: { title: 'Member not found', when: 'No such member of the practice.' },
  MessageNotFound: { title: 'Message not found', when: 'No such message in the outbox of the practice.' },
  LinkNotValid: { title: 'Link not valid', when: 'An emailed link that is forged, expired or already used.' },
  PracticeNotFound: { title: 'Practice not found', when: 'No such practice, or the caller is not a member of it.' },
  TagNotFound: { title: 'Tag not found', when: "No such tag in the practice's catalogue." },
  UserNotFound: { title: 'User not found', when: 'No such user.' },
  NoteNotFound: { title: 'Note not found', when: 'No such note on this chart.' },
  TaskNotFound: { title: 'Task not found', when: 'No such task on this chart.' },
  DocumentRequestNotFound: { title: 'Document request not found', when: 'No such document request on this chart (a request stays on the chart it was made from).' },
  AlreadyAMember: { title: 'Already a member of the chart', when: 'The client is already a member of this group chart.' },
  AlreadyMember: { title: 'Already a member of the practice', when: 'An invitation answered by someone who is already a member.' },
  AppointmentAlreadyCompleted: { title: 'Appointment already completed', when: 'The appointment was already completed.' },
  AppointmentAlreadyExists: { title: 'Appointment already exists', when: 'An appointment with this id exists.' },
  AppointmentCancelled: { title: 'Appointment cancelled', when: 'The appointment was cancelled.' },
  AppointmentNotStarted: { title: 'Appointment not started', when: 'An appointment completed before its start.' },
  ChartAlreadyExists: { title: 'Chart already exists', when: 'A chart with this id exists.' },
  ClientAlreadyActive: { title: 'Client already active', when: 'Reactivating a client who is not inactive.' },
  ClientAlreadyInactive: { title: 'Client already inactive', when: 'Deactivating a client who is inactive.' },
  ClientInactive: { title: 'Client inactive', when: 'Inviting or booking an inactive client; reactivate them first.' },
  ClientLinkedToOtherCharts: { title: 'Client linked to other charts', when: 'Deleting a client who is a group member or a contact elsewhere; `charts` lists them.' },
  ClientSetupAlreadyComplete: { title: 'Client setup already complete', when: "The client's setup was already completed." },
  ContactAlreadyExists: { title: 'Contact already exists', when: 'A contact with this id exists.' },
  ContactAlreadyOnChart: { title: 'Contact already on chart', when: 'The contact is already linked to this chart.' },
  ContactIsAClient: { title: 'Contact is a client', when: "Editing through `PUT /contacts/{id}` the contact record of a client (`clientId` names them): it follows the client's profile; edit that." },
  EmailAlreadyInUse: { title: 'Email already in use', when: 'Another client record of the practice has this email (any letter case).' },
  EmailAlreadyRegistered: { title: 'Email already registered', when: 'Another user signs in with this email (any letter case).' },
  EmailRequired: { title: 'Email required', when: "Inviting to the portal a client nobody of whom has an email: the client (a minor whose portal access is `minor` or `both`) or, for `guardian` or `both`, any contact of the minor's chart." },
  GroupChartHasNoDetails: { title: 'Group chart has no details', when: "Editing details of a group chart; edit the member's own chart." },
  InvitationAlreadyPending: { title: 'Invitation already pending', when: 'This email already has an open invitation to the practice.' },
  InvitationExpired: { title: 'Invitation expired', when: 'The invitation expired; `expiresAt` says when.' },
  InvitationNotPending: { title: 'Invitation not pending', when: 'The invitation was already accepted, declined or revoked; `invitationStatus` says which.' },
  InvitationResendLimitReached: { title: 'Invitation resend limit reached', when: 'A portal invitation sent 3 times in the last hour.' },
  LastOwner: { title: 'Last owner', when: 'Demoting, removing or leaving the last owner of a practice.' },
  MessageNotParked: { title: 'Message not parked', when: 'Retrying a message that is not parked (queued, being sent, sent or cancelled).' },
  NoPendingInvitation: { title: 'No pending invitation', when: 'Resending or accepting a portal invitation that is not pending.' },
  NotAGroupChart: { title: 'Not a group chart', when: 'A group operation on an individual or minor chart.' },
  NotAMinor: { title: 'Not a minor', when: "A minor's operation on another kind of chart." },
  PortalAccessNotGranted: { title: 'Portal access not granted', when: "Inviting a minor to the portal while the chart's portal access is `neither`." },
  PortalInvitationAlreadyAccepted: { title: 'Portal invitation already accepted', when: 'The client already accepted the portal invitation.' },
  PortalInvitationPending: { title: 'Portal invitation pending', when: 'The client already has a pending portal invitation; resend it instead.' },
  PracticeAlreadyExists: { title: 'Practice already exists', when: 'A practice with this id exists.' },
  TagAlreadyExists: { title: 'Tag already exists', when: 'A tag with this id exists.' },
  TagNameTaken: { title: 'Tag name taken', when: 'Another tag of the practice has this name (any letter case).' },
  TwoFactorAlreadyEnabled: { title: 'Two-step already on', when: '2-step authentication is already on.' },
  TwoFactorNotEnabled: { title: 'Two-step not on', when: '2-step authentication is not on.' },
  UserAlreadyExists: { title: 'User already exists', when: 'A user with this id exists.' },
  NoteAlreadyExists: { title: 'Note already exists', when: 'A note with this id exists.' },
  NoteAlreadySigned: { title: 'Note already signed', when: 'Editing or signing a signed note; add an addendum instead.' },
  NoteNotSigned: { title: 'Note not signed', when: 'An addendum to an unsigned note; edit the note instead.' },
  IdentifiedPatientRequired: { title: 'Identified Patient required', when: "A group chart's superbill before one of its members is designated Identified Patient." },
  TaskAlreadyExists: { title: 'Task already exists', when: 'A task with this id exists.' },
  TaskClosed: { title: 'Task closed', when: 'Editing a done or cancelled task, completing a cancelled one or cancelling a done one; reopen it first. `status` says which.' },
  DocumentRequestAlreadyExists: { title: 'Document request already exists', when: 'A document request with this id exists.' },
  DocumentRequestClosed: { title: 'Document request closed', when: 'Completing a cancelled document request or cancelling a completed one; `status` says which.' },
  Forbidden: { title: 'Forbidden', when: "The caller's role lacks the route's permission; `permission` names it." },
  OnlyOwnersManageOwners: { title: 'Only owners manage owners', when: 'A non-owner grants, changes or removes the owner role.' },
  NotTheNoteAuthor: { title: 'Not the note author', when: 'Editing or signing a note written by someone else.' },
  InvalidAmount: { title: 'Invalid amount', when: 'An amount of money is not a whole number of minor units in range (a payment or refund: at least 1).' },
  InvalidCurrency: { title: 'Invalid currency', when: 'A currency is not an ISO 4217 code such as USD.' },
  InvalidServiceCode: { title: 'Invalid service code', when: 'A service code is not a 5-character CPT or HCPCS code (90837, 0591T, H0004).' },
  UnknownService: { title: 'Unknown service', when: "The body references a service that is not in the practice's catalogue or is retired, or a fee without a service." },
  InvalidBillTo: { title: 'Invalid bill-to', when: "Who is billed does not fit the chart: the client (individual), a contact linked to the minor's chart, the group's Billing Contact member." },
  SubscriberRequired: { title: 'Subscriber required', when: "An insurance policy whose subscriber is not the client lacks the subscriber's name or date of birth." },
  SubscriberIsTheClient: { title: 'Subscriber is the client', when: "An insurance policy whose subscriber is the client (self) gives a subscriber's name or date of birth." },
  InvalidEffectiveDates: { title: 'Invalid effective dates', when: "An insurance policy's effective end is before its start." },
  CurrencyMismatch: { title: 'Currency mismatch', when: "A fee, charge or payment in another currency than the chart's ledger." },
  UnknownCharge: { title: 'Unknown charge', when: 'A payment is applied to a charge that is not on this chart.' },
  AmountExceedsOutstanding: { title: 'Amount exceeds outstanding', when: "A payment applies more to a charge than it owes, or applies more than the payment's amount." },
  RefundExceedsPayment: { title: 'Refund exceeds payment', when: 'A refund larger than what remains of the payment.' },
  ServiceNotFound: { title: 'Service not found', when: "No such service in the practice's catalogue." },
  InsurancePolicyNotFound: { title: 'Insurance policy not found', when: 'No such insurance policy on this chart.' },
  PaymentNotFound: { title: 'Payment not found', when: 'No such payment on this chart.' },
  ServiceAlreadyExists: { title: 'Service already exists', when: 'A service with this id exists.' },
  ServiceRetired: { title: 'Service retired', when: 'Changing a retired service.' },
  InsurancePolicyAlreadyExists: { title: 'Insurance policy already exists', when: 'An insurance policy with this id exists.' },
  InsuranceRankTaken: { title: 'Insurance rank taken', when: 'Another primary (or secondary) policy of the chart is in effect on some of the same days.' },
  PaymentAlreadyExists: { title: 'Payment already exists', when: 'A payment with this id exists.' },
  AppointmentClosed: { title: 'Appointment closed', when: 'Cancelling, completing, late-cancelling or marking a no-show of an appointment that is no longer booked (an earlier outcome is final).' },
  FileNotFound: { title: 'File not found', when: 'No such file on this chart (or it was deleted).' },
  FileAlreadyExists: { title: 'File already exists', when: 'A file with this id exists.' },
};

export type ProblemCode = keyof typeof httpProblems | DomainErrorCode;

const catalogue: Readonly<Record<ProblemCode, ProblemType>> = {
  ...(Object.fromEntries(
    Object.entries(domainProblems).map(([code, entry]) => [code, { ...entry, status: STATUS_OF_KIND[domainErrorKinds[code as DomainErrorCode]] }]),
  ) as Record<DomainErrorCode, ProblemType>),
  ...httpProblems,
};

/** `EmailAlreadyInUse` -> `email-already-in-use`. */
const slugOf = (code: string): string => code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

export const problemTypeUri = (code: ProblemCode): string => `${PROBLEM_TYPE_BASE}${slugOf(code)}`;

/** The catalogue entry of a code, with its type URI. */
export const problemTypeOf = (code: ProblemCode): ProblemType & { readonly type: string; readonly code: ProblemCode } => ({
  ...catalogue[code],
  type: problemTypeUri(code),
  code,
});

/** Every code, sorted by status then code: the `code` enum of the OpenAPI Problem schema. */
export const problemCodes: readonly ProblemCode[] = (Object.keys(catalogue) as ProblemCode[]).sort(
  (a, b) => catalogue[a].status - catalogue[b].status || (a < b ? -1 : a > b ? 1 : 0),
);

/** The whole catalogue, in `problemCodes` order (for documentation and the OpenAPI document). */
export const problemTypes = (): readonly (ProblemType & { readonly type: string; readonly code: ProblemCode })[] => problemCodes.map(problemTypeOf);

/** The code of an HTTP status raised by the framework (Nest's NotFoundException, a body parser...). */
export const codeOfStatus = (status: number): ProblemCode => {
  const generic: Readonly<Record<number, ProblemCode>> = {
    400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict',
    413: 'PayloadTooLarge', 414: 'UriTooLong', 415: 'UnsupportedMediaType', 429: 'TooManyRequests',
  };
  return generic[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
};

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(catalogue, code);
