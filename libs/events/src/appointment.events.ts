import { z, id, isoDateTime, chars } from './schema';
import type { DomainEvent } from './envelope';
import { moneySchema } from './service.events';

/** The service an appointment is billed as, copied from the catalogue when it was booked. */
export const appointmentServiceSchema = z
  .object({ serviceId: id, code: z.string().min(1).max(10), name: chars(200) })
  .strict();

/** An appointment belongs to one chart (no shared-billing group therapy), so it lives in the chart stream. */
export const AppointmentBookedSchema = z
  .object({
    chartId: id,
    appointmentId: id,
    start: isoDateTime,
    durationMinutes: z.number().int().min(5).max(720),
    practitionerId: id,
    /** Optional (added with billing): appointments booked before it have neither. */
    service: appointmentServiceSchema.optional(),
    fee: moneySchema.optional(),
  })
  .strict();
export type AppointmentBooked = DomainEvent<'AppointmentBooked', z.infer<typeof AppointmentBookedSchema>>;

export const AppointmentCancelledSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentCancelled = DomainEvent<'AppointmentCancelled', z.infer<typeof AppointmentCancelledSchema>>;

export const AppointmentCompletedSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentCompleted = DomainEvent<'AppointmentCompleted', z.infer<typeof AppointmentCompletedSchema>>;

/** Cancelled too late to be free: a status of its own (a fee may be charged with it). */
export const AppointmentLateCancelledSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentLateCancelled = DomainEvent<'AppointmentLateCancelled', z.infer<typeof AppointmentLateCancelledSchema>>;

/** The client did not come: a status of its own (a fee may be charged with it). */
export const AppointmentMarkedNoShowSchema = z.object({ chartId: id, appointmentId: id }).strict();
export type AppointmentMarkedNoShow = DomainEvent<'AppointmentMarkedNoShow', z.infer<typeof AppointmentMarkedNoShowSchema>>;

/** The appointment moved (a new start, and possibly a new length); its reminder moves with it. */
export const AppointmentRescheduledSchema = z
  .object({ chartId: id, appointmentId: id, start: isoDateTime, durationMinutes: z.number().int().min(5).max(720) })
  .strict();
export type AppointmentRescheduled = DomainEvent<'AppointmentRescheduled', z.infer<typeof AppointmentRescheduledSchema>>;

export type AppointmentEvent =
  | AppointmentBooked
  | AppointmentCancelled
  | AppointmentCompleted
  | AppointmentLateCancelled
  | AppointmentMarkedNoShow
  | AppointmentRescheduled;

export const appointmentEventSchemas = {
  AppointmentBooked: AppointmentBookedSchema,
  AppointmentCancelled: AppointmentCancelledSchema,
  AppointmentCompleted: AppointmentCompletedSchema,
  AppointmentLateCancelled: AppointmentLateCancelledSchema,
  AppointmentMarkedNoShow: AppointmentMarkedNoShowSchema,
  AppointmentRescheduled: AppointmentRescheduledSchema,
} as const;
