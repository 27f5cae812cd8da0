import type { Money, ServiceEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { assertMoney } from '../shared/money';
import { characterCount } from '../shared/unicode-text';

/** One service of the catalogue as deciders that book or bill need it. */
export interface CatalogueService {
  readonly name: string;
  readonly code: string;
  readonly durationMinutes: number;
  readonly rate: Money;
  readonly retired: boolean;
}

/**
 * A practice's service catalogue (stream `services-<practiceId>`): what a session is billed as. A
 * retired service stays (past appointments and charges name it) but cannot be chosen again.
 */
export interface ServiceCatalogueState {
  readonly practiceId: string | null;
  readonly services: Readonly<Record<string, CatalogueService>>;
}

export interface ServiceFields {
  readonly name: string;
  readonly code: string;
  readonly durationMinutes: number;
  readonly rate: Money;
}
export interface AddService extends ServiceFields {
  readonly type: 'AddService';
  readonly practiceId: string;
  readonly serviceId: string;
}
export interface ChangeService extends ServiceFields {
  readonly type: 'ChangeService';
  readonly practiceId: string;
  readonly serviceId: string;
}
export interface RetireService {
  readonly type: 'RetireService';
  readonly practiceId: string;
  readonly serviceId: string;
}
export type ServiceCatalogueCommand = AddService | ChangeService | RetireService;

export const serviceNotFound = (): DomainError => new DomainError('ServiceNotFound', 'not_found', 'No such service in the catalogue');

/**
 * CPT codes are five characters: Category I five digits (90837), Category II four digits and F
 * (1000F), Category III four digits and T (0591T); HCPCS Level II a letter and four digits (H0004).
 */
export const isServiceCode = (code: string): boolean => /^(\d{4}[0-9FTU]|[A-V]\d{4})$/.test(code);

const tidy = (fields: ServiceFields): ServiceFields => {
  const name = fields.name.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw invalid('NameRequired', 'name', 'must not be empty');
  if (characterCount(name) > 200) throw invalid('NameTooLong', 'name', 'must be at most 200 characters');
  const code = fields.code.trim().toUpperCase();
  if (!isServiceCode(code)) throw invalid('InvalidServiceCode', 'code', 'must be a 5-character CPT or HCPCS code such as 90837');
  if (!Number.isInteger(fields.durationMinutes) || fields.durationMinutes < 5 || fields.durationMinutes > 720) {
    throw invalid('InvalidDuration', 'durationMinutes', 'must be a whole number of minutes from 5 to 720');
  }
  return { name, code, durationMinutes: fields.durationMinutes, rate: assertMoney(fields.rate, 'rate') };
};

const addService = (command: AddService, state: ServiceCatalogueState): ServiceEvent[] => {
  if (state.services[command.serviceId]) throw new DomainError('ServiceAlreadyExists', 'conflict', 'A service with this id already exists');
  const { name, code, durationMinutes, rate } = tidy(command);
  return [{ type: 'ServiceAdded', data: { practiceId: command.practiceId, serviceId: command.serviceId, name, code, durationMinutes, rate } }];
};

const changeService = (command: ChangeService, state: ServiceCatalogueState): ServiceEvent[] => {
  const current = state.services[command.serviceId];
  if (!current) throw serviceNotFound();
  if (current.retired) throw new DomainError('ServiceRetired', 'conflict', 'A retired service cannot be changed');
  const { name, code, durationMinutes, rate } = tidy(command);
  const unchanged = name === current.name && code === current.code && durationMinutes === current.durationMinutes && rate.amount === current.rate.amount && rate.currency === current.rate.currency;
  if (unchanged) return [];
  return [{ type: 'ServiceChanged', data: { practiceId: command.practiceId, serviceId: command.serviceId, name, code, durationMinutes, rate } }];
};

const retireService = (command: RetireService, state: ServiceCatalogueState): ServiceEvent[] => {
  const current = state.services[command.serviceId];
  if (!current) throw serviceNotFound();
  if (current.retired) return [];
  return [{ type: 'ServiceRetired', data: { practiceId: command.practiceId, serviceId: command.serviceId } }];
};

export const decide = (command: ServiceCatalogueCommand, state: ServiceCatalogueState): ServiceEvent[] => {
  switch (command.type) {
    case 'AddService':
      return addService(command, state);
    case 'ChangeService':
      return changeService(command, state);
    case 'RetireService':
      return retireService(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: ServiceCatalogueState, event: ServiceEvent): ServiceCatalogueState => {
  switch (event.type) {
    case 'ServiceAdded':
    case 'ServiceChanged': {
      const { practiceId, serviceId, name, code, durationMinutes, rate } = event.data;
      return { practiceId, services: { ...state.services, [serviceId]: { name, code, durationMinutes, rate, retired: false } } };
    }
    case 'ServiceRetired': {
      const current = state.services[event.data.serviceId];
      return current ? { ...state, services: { ...state.services, [event.data.serviceId]: { ...current, retired: true } } } : state;
    }
    default:
      return assertNever(event);
  }
};

export const initialState = (): ServiceCatalogueState => ({ practiceId: null, services: {} });

export const serviceCatalogueDecider: Decider<ServiceCatalogueCommand, ServiceCatalogueState, ServiceEvent> = { decide, evolve, initialState };
