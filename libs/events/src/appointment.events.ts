import { z, id, isoDateTime } from './schema';
import type { DomainEvent } from './envelope';

/** An appointment belongs to one chart (no shared-billing group therapy), so it lives in the chart stream. */
export const AppointmentBookedSchema = z
  .object({
    chartId: id,
    appointmentId: id,
    start: isoDateTime,
    durationMinutes: z.number().int().min(5).max(720),
    practitionerId: id,
  })
  .strict();
export type AppointmentBooked = DomainEvent<'AppointmentBooked', z.infer<typeof AppointmentBookedSchema>>;

export const AppointmentCancelledSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentCancelled = DomainEvent<'AppointmentCancelled', z.infer<typeof AppointmentCancelledSchema>>;

export const AppointmentCompletedSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentCompleted = DomainEvent<'AppointmentCompleted', z.infer<typeof AppointmentCompletedSchema>>;

export type AppointmentEvent = AppointmentBooked | AppointmentCancelled | AppointmentCompleted;

export const appointmentEventSchemas = {
  AppointmentBooked: AppointmentBookedSchema,
  AppointmentCancelled: AppointmentCancelledSchema,
  AppointmentCompleted: AppointmentCompletedSchema,
} as const;
