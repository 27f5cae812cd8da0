export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/email-address';
export * from './shared/person-name';
export * from './shared/command-context';
export * as Reservation from './reservation/reservation.decider';
export * as User from './user/user.decider';
export * as Practice from './practice/practice.decider';
export * as Chart from './chart/chart.decider';
