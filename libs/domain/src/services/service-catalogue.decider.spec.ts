import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ServiceEvent } from '@practice/events';
import { isServiceCode, serviceCatalogueDecider } from './service-catalogue.decider';

const spec = deciderSpec(serviceCatalogueDecider);
const practiceId = 'p-1';
const rate = { amount: 15000, currency: 'USD' };
const fields = { name: 'Psychotherapy, 60 min', code: '90837', durationMinutes: 60, rate };
const added: ServiceEvent = { type: 'ServiceAdded', data: { practiceId, serviceId: 's-1', ...fields } };
const retired: ServiceEvent = { type: 'ServiceRetired', data: { practiceId, serviceId: 's-1' } };

describe('Service catalogue decider', () => {
  describe('when the catalogue is empty', () => {
    it('adds a service with a tidy name and an upper-case code', () => {
      spec.given([]).when({ type: 'AddService', practiceId, serviceId: 's-1', ...fields, name: ' Psychotherapy,  60 min ', code: '90837' }).then([added]);
      spec.given([]).when({ type: 'AddService', practiceId, serviceId: 's-2', ...fields, code: 'h0004' }).then([{ type: 'ServiceAdded', data: { practiceId, serviceId: 's-2', ...fields, code: 'H0004' } }]);
    });

    it('refuses a bad code, name, duration, amount or currency, naming the field', () => {
      const add = (change: object) => spec.given([]).when({ type: 'AddService', practiceId, serviceId: 's-1', ...fields, ...change });
      add({ code: '9083' }).thenThrows('InvalidServiceCode', 'code');
      add({ code: '9083X' }).thenThrows('InvalidServiceCode', 'code');
      add({ name: '  ' }).thenThrows('NameRequired', 'name');
      add({ durationMinutes: 4 }).thenThrows('InvalidDuration', 'durationMinutes');
      add({ rate: { amount: 10.5, currency: 'USD' } }).thenThrows('InvalidAmount', 'rate.amount');
      add({ rate: { amount: -1, currency: 'USD' } }).thenThrows('InvalidAmount', 'rate.amount');
      add({ rate: { amount: 100, currency: 'XYZ' } }).thenThrows('InvalidCurrency', 'rate.currency');
    });

    it('has nothing to change or retire', () => {
      spec.given([]).when({ type: 'ChangeService', practiceId, serviceId: 's-1', ...fields }).thenThrows('ServiceNotFound');
      spec.given([]).when({ type: 'RetireService', practiceId, serviceId: 's-1' }).thenThrows('ServiceNotFound');
    });
  });

  describe('when a service is in the catalogue', () => {
    it('refuses the same id twice', () => {
      spec.given([added]).when({ type: 'AddService', practiceId, serviceId: 's-1', ...fields }).thenThrows('ServiceAlreadyExists');
    });

    it('changes it; the same values change nothing', () => {
      const newRate = { amount: 16000, currency: 'USD' };
      spec.given([added]).when({ type: 'ChangeService', practiceId, serviceId: 's-1', ...fields, rate: newRate }).then([{ type: 'ServiceChanged', data: { practiceId, serviceId: 's-1', ...fields, rate: newRate } }]);
      spec.given([added]).when({ type: 'ChangeService', practiceId, serviceId: 's-1', ...fields }).then([]);
    });

    it('retires it once; a retired service cannot be changed', () => {
      spec.given([added]).when({ type: 'RetireService', practiceId, serviceId: 's-1' }).then([retired]);
      spec.given([added, retired]).when({ type: 'RetireService', practiceId, serviceId: 's-1' }).then([]);
      spec.given([added, retired]).when({ type: 'ChangeService', practiceId, serviceId: 's-1', ...fields }).thenThrows('ServiceRetired');
    });
  });

  it('knows CPT category I, II, III and HCPCS level II codes', () => {
    expect(['90837', '1000F', '0591T', 'H0004'].every(isServiceCode)).toBe(true);
    expect(['9083', '908370', 'ABCDE', '90 83'].some(isServiceCode)).toBe(false);
  });
});
