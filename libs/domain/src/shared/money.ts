import type { Money } from '@practice/events';
import { invalid } from './domain-error';

/** The largest amount one charge, payment or rate may hold, in minor units (1,000,000.00). */
export const MAX_MINOR_UNITS = 100_000_000;

const isoCurrencies: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
);

/** An ISO 4217 alphabetic code that the runtime knows (USD, EUR, GBP, ...). */
export const assertCurrency = (currency: string, field: string): string => {
  if (!/^[A-Z]{3}$/.test(currency) || (isoCurrencies.size > 0 && !isoCurrencies.has(currency))) {
    throw invalid('InvalidCurrency', field, 'must be an ISO 4217 currency code such as USD');
  }
  return currency;
};

/** A whole number of minor units (cents), 0 .. MAX_MINOR_UNITS; `positive` refuses 0. */
export const assertAmount = (amount: number, field: string, positive = false): number => {
  if (!Number.isSafeInteger(amount) || amount < (positive ? 1 : 0) || amount > MAX_MINOR_UNITS) {
    throw invalid('InvalidAmount', field, `must be a whole number of minor units from ${positive ? 1 : 0} to ${MAX_MINOR_UNITS}`);
  }
  return amount;
};

export const assertMoney = (money: Money, field: string): Money => ({
  amount: assertAmount(money.amount, `${field}.amount`),
  currency: assertCurrency(money.currency, `${field}.currency`),
});
