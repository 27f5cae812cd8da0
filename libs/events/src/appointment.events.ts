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

/** The appointment moved (a new start, and possibly a new length); its reminder moves with it. */
export const AppointmentRescheduledSchema = z
  .object({ chartId: id, appointmentId: id, start: isoDateTime, durationMinutes: z.number().int().min(5).max(720) })
  .strict();
export type AppointmentRescheduled = DomainEvent<'AppointmentRescheduled', z.infer<typeof AppointmentRescheduledSchema>>;

export type AppointmentEvent = AppointmentBooked | AppointmentCancelled | AppointmentCompleted | AppointmentRescheduled;

export const appointmentEventSchemas = {
  AppointmentBooked: AppointmentBookedSchema,
  AppointmentCancelled: AppointmentCancelledSchema,
  AppointmentCompleted: AppointmentCompletedSchema,
  AppointmentRescheduled: AppointmentRescheduledSchema,
} as const;
