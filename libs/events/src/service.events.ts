import { z, id, chars } from './schema';
import type { DomainEvent } from './envelope';

/** An amount of money in minor units (cents) of an ISO 4217 currency: never a float. */
export const minorUnits = z.number().int().min(0).max(100_000_000);
export const currencyCode = z.string().regex(/^[A-Z]{3}$/);
export const moneySchema = z.object({ amount: minorUnits, currency: currencyCode }).strict();
export type Money = z.infer<typeof moneySchema>;

const serviceFields = {
  practiceId: id,
  serviceId: id,
  name: chars(200),
  /** A CPT (or HCPCS) code: five characters. */
  code: z.string().regex(/^[0-9A-Z]{5}$/),
  durationMinutes: z.number().int().min(5).max(720),
  rate: moneySchema,
};

/** A practice's service catalogue lives in its own stream (`services-<practiceId>`). */
export const ServiceAddedSchema = z.object(serviceFields).strict();
export type ServiceAdded = DomainEvent<'ServiceAdded', z.infer<typeof ServiceAddedSchema>>;

/** The whole service as it is now: a fee already booked or charged keeps the rate it had. */
export const ServiceChangedSchema = z.object(serviceFields).strict();
export type ServiceChanged = DomainEvent<'ServiceChanged', z.infer<typeof ServiceChangedSchema>>;

/** A retired service stays in past appointments and charges but cannot be chosen again. */
export const ServiceRetiredSchema = z.object({ practiceId: id, serviceId: id }).strict();
export type ServiceRetired = DomainEvent<'ServiceRetired', z.infer<typeof ServiceRetiredSchema>>;

export type ServiceEvent = ServiceAdded | ServiceChanged | ServiceRetired;

export const serviceEventSchemas = {
  ServiceAdded: ServiceAddedSchema,
  ServiceChanged: ServiceChangedSchema,
  ServiceRetired: ServiceRetiredSchema,
} as const;
