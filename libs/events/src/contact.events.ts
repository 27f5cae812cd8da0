import { z, id, personName, email } from './schema';
import type { DomainEvent } from './envelope';

/**
 * A person linked to charts (parent, guardian, family member). Not bound by the client email rule: one
 * person can be a contact on many charts. `clientId` is set when the contact is also a client.
 */
export const ContactCreatedSchema = z
  .object({
    contactId: id,
    practiceId: id,
    firstName: personName,
    lastName: personName,
    email: email.nullable(),
    phone: z.string().regex(/^\+[1-9]\d{1,14}$/).nullable(),
    clientId: id.nullable(),
  })
  .strict();
export type ContactCreated = DomainEvent<'ContactCreated', z.infer<typeof ContactCreatedSchema>>;

export const ContactDetailsEditedSchema = z
  .object({
    contactId: id,
    firstName: personName,
    lastName: personName,
    email: email.nullable(),
    phone: z.string().regex(/^\+[1-9]\d{1,14}$/).nullable(),
  })
  .strict();
export type ContactDetailsEdited = DomainEvent<'ContactDetailsEdited', z.infer<typeof ContactDetailsEditedSchema>>;

export type ContactEvent = ContactCreated | ContactDetailsEdited;

export const contactEventSchemas = {
  ContactCreated: ContactCreatedSchema,
  ContactDetailsEdited: ContactDetailsEditedSchema,
} as const;
