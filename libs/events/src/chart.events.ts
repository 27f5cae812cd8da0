import { z, id, personName, email } from './schema';
import type { DomainEvent } from './envelope';
import { chartProfileEventSchemas, type ChartProfileEvent } from './chart-profile.events';
import { chartStatusEventSchemas, type ChartStatusEvent } from './chart-status.events';
import { chartGroupEventSchemas, type ChartGroupEvent } from './chart-group.events';
import { chartContactEventSchemas, type ChartContactEvent } from './chart-contact.events';
import { appointmentEventSchemas, type AppointmentEvent } from './appointment.events';
import { chartDiagnosisEventSchemas, type ChartDiagnosisEvent } from './chart-diagnosis.events';

export type ChartKind = 'individual' | 'minor' | 'group';

export const ClientCreatedSchema = z
  .object({
    chartId: id,
    practiceId: id,
    kind: z.enum(['individual', 'minor']),
    firstName: personName,
    lastName: personName,
    /** As the user typed it; uniqueness is checked on its lower-cased form. */
    email: email.nullable(),
  })
  .strict();
export type ClientCreated = DomainEvent<'ClientCreated', z.infer<typeof ClientCreatedSchema>>;

export const LegalNameSetSchema = z
  .object({ chartId: id, firstName: personName, lastName: personName })
  .strict();
export type LegalNameSet = DomainEvent<'LegalNameSet', z.infer<typeof LegalNameSetSchema>>;

export const LegalNameClearedSchema = z.object({ chartId: id }).strict();
export type LegalNameCleared = DomainEvent<'LegalNameCleared', z.infer<typeof LegalNameClearedSchema>>;

export const ClientSetupCompletedSchema = z.object({ chartId: id }).strict();
export type ClientSetupCompleted = DomainEvent<'ClientSetupCompleted', z.infer<typeof ClientSetupCompletedSchema>>;

export type ChartEvent =
  | ClientCreated
  | LegalNameSet
  | LegalNameCleared
  | ClientSetupCompleted
  | ChartProfileEvent
  | ChartStatusEvent
  | ChartGroupEvent
  | ChartContactEvent
  | AppointmentEvent
  | ChartDiagnosisEvent;

export const chartEventSchemas = {
  ClientCreated: ClientCreatedSchema,
  LegalNameSet: LegalNameSetSchema,
  LegalNameCleared: LegalNameClearedSchema,
  ClientSetupCompleted: ClientSetupCompletedSchema,
  ...chartProfileEventSchemas,
  ...chartStatusEventSchemas,
  ...chartGroupEventSchemas,
  ...chartContactEventSchemas,
  ...appointmentEventSchemas,
  ...chartDiagnosisEventSchemas,
} as const;
