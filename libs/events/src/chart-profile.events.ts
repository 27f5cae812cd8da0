import { z, id, personName, email, isoDate, chars } from './schema';
import type { DomainEvent } from './envelope';

/** Free text of the record (occupation, diagnosis, ...): trimmed by the domain, bounded here. */
const text = chars(2000).nullable();
const shortText = chars(200).nullable();

export const legalSexes = ['female', 'male', 'x', 'unknown'] as const;
export type LegalSex = (typeof legalSexes)[number];

export const setupSteps = [
  'account-information',
  'contact-information',
  'demographics',
  'portal-invitation',
  'billing-settings',
  'default-service',
  'insurance-policies',
  'contacts',
] as const;
export type SetupStep = (typeof setupSteps)[number];

export const AddressSchema = z
  .object({
    line1: chars(200),
    line2: chars(200).nullable(),
    city: chars(100).nullable(),
    region: chars(100).nullable(),
    postalCode: chars(20).nullable(),
    country: chars(100).nullable(),
  })
  .strict();
export type Address = z.infer<typeof AddressSchema>;

/** The profile card as edited in one go (the pencil of the card); the email changes on its own event. */
export const ClientProfileEditedSchema = z
  .object({
    chartId: id,
    firstName: personName,
    lastName: personName,
    /** E.164. */
    phone: z.string().regex(/^\+[1-9]\d{1,14}$/).nullable(),
    gender: shortText,
    location: shortText,
  })
  .strict();
export type ClientProfileEdited = DomainEvent<'ClientProfileEdited', z.infer<typeof ClientProfileEditedSchema>>;

export const ClientEmailChangedSchema = z.object({ chartId: id, email: email.nullable() }).strict();
export type ClientEmailChanged = DomainEvent<'ClientEmailChanged', z.infer<typeof ClientEmailChangedSchema>>;

/** A reference to an image uploaded elsewhere (the file store), never the image itself. */
export const ClientPhotoSetSchema = z.object({ chartId: id, photoRef: z.string().min(1).max(500) }).strict();
export type ClientPhotoSet = DomainEvent<'ClientPhotoSet', z.infer<typeof ClientPhotoSetSchema>>;

export const ClientPhotoRemovedSchema = z.object({ chartId: id }).strict();
export type ClientPhotoRemoved = DomainEvent<'ClientPhotoRemoved', z.infer<typeof ClientPhotoRemovedSchema>>;

export const ClientOverviewEditedSchema = z
  .object({
    chartId: id,
    dateOfBirth: isoDate.nullable(),
    address: AddressSchema.nullable(),
    occupation: shortText,
    employmentStatus: shortText,
    relationshipStatus: shortText,
    livingArrangement: shortText,
    diagnosis: text,
    symptoms: text,
  })
  .strict();
export type ClientOverviewEdited = DomainEvent<'ClientOverviewEdited', z.infer<typeof ClientOverviewEditedSchema>>;

/** The Overview tab's own fields, as the event carries them (the one definition of their shape). */
export type ClientOverview = Omit<ClientOverviewEdited['data'], 'chartId'>;

export const emptyClientOverview: ClientOverview = {
  dateOfBirth: null,
  address: null,
  occupation: null,
  employmentStatus: null,
  relationshipStatus: null,
  livingArrangement: null,
  diagnosis: null,
  symptoms: null,
};

/** Pronouns, legal sex (what payers match claims on) and gender identity: separate fields on purpose. */
export const ClientIdentityEditedSchema = z
  .object({
    chartId: id,
    pronouns: chars(50).nullable(),
    legalSex: z.enum(legalSexes).nullable(),
    genderIdentity: shortText,
  })
  .strict();
export type ClientIdentityEdited = DomainEvent<'ClientIdentityEdited', z.infer<typeof ClientIdentityEditedSchema>>;

export const ClientTaggedSchema = z.object({ chartId: id, tagId: id }).strict();
export type ClientTagged = DomainEvent<'ClientTagged', z.infer<typeof ClientTaggedSchema>>;

export const ClientUntaggedSchema = z.object({ chartId: id, tagId: id }).strict();
export type ClientUntagged = DomainEvent<'ClientUntagged', z.infer<typeof ClientUntaggedSchema>>;

export const ClientSetupStepCompletedSchema = z.object({ chartId: id, step: z.enum(setupSteps) }).strict();
export type ClientSetupStepCompleted = DomainEvent<'ClientSetupStepCompleted', z.infer<typeof ClientSetupStepCompletedSchema>>;

export type ChartProfileEvent =
  | ClientProfileEdited
  | ClientEmailChanged
  | ClientPhotoSet
  | ClientPhotoRemoved
  | ClientOverviewEdited
  | ClientIdentityEdited
  | ClientTagged
  | ClientUntagged
  | ClientSetupStepCompleted;

export const chartProfileEventSchemas = {
  ClientProfileEdited: ClientProfileEditedSchema,
  ClientEmailChanged: ClientEmailChangedSchema,
  ClientPhotoSet: ClientPhotoSetSchema,
  ClientPhotoRemoved: ClientPhotoRemovedSchema,
  ClientOverviewEdited: ClientOverviewEditedSchema,
  ClientIdentityEdited: ClientIdentityEditedSchema,
  ClientTagged: ClientTaggedSchema,
  ClientUntagged: ClientUntaggedSchema,
  ClientSetupStepCompleted: ClientSetupStepCompletedSchema,
} as const;
