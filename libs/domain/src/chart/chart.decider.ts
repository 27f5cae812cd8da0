import type {
  ChartEvent,
  ClientCreated,
  ClientSetupCompleted,
  LegalNameCleared,
  LegalNameSet,
} from '../../../events/src/chart.events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertEmailAddress } from '../shared/email-address';
import { assertPersonName } from '../shared/person-name';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

export type ChartState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly chartId: string;
      readonly practiceId: string;
      readonly kind: 'individual' | 'minor';
      readonly name: PersonName;
      readonly legalName: PersonName | null;
      readonly email: string | null;
      readonly setupComplete: boolean;
    };

type OpenChart = Extract<ChartState, { status: 'open' }>;

// ---------------------------------------------------------------------------------------------
// Commands. Every command but creation names the practice it is issued in: a chart of another
// practice is, to that caller, a chart that does not exist.
// ---------------------------------------------------------------------------------------------

export interface CreateClient {
  readonly type: 'CreateClient';
  readonly chartId: string;
  readonly practiceId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
}

export interface SetLegalName {
  readonly type: 'SetLegalName';
  readonly chartId: string;
  readonly practiceId: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface ClearLegalName {
  readonly type: 'ClearLegalName';
  readonly chartId: string;
  readonly practiceId: string;
}

export interface CompleteClientSetup {
  readonly type: 'CompleteClientSetup';
  readonly chartId: string;
  readonly practiceId: string;
}

export type ChartCommand = CreateClient | SetLegalName | ClearLegalName | CompleteClientSetup;

export const chartNotFound = (): DomainError => new DomainError('ChartNotFound', 'not_found', 'No such chart');

const openChartOf = (state: ChartState, practiceId: string): OpenChart => {
  if (state.status !== 'open' || state.practiceId !== practiceId) throw chartNotFound();
  return state;
};

const createClient = (command: CreateClient, state: ChartState): ClientCreated[] => {
  if (state.status !== 'none') {
    throw new DomainError('ChartAlreadyExists', 'conflict', 'A chart with this id already exists');
  }
  return [
    {
      type: 'ClientCreated',
      data: {
        chartId: command.chartId,
        practiceId: command.practiceId,
        kind: 'individual',
        firstName: assertPersonName(command.firstName, 'firstName'),
        lastName: assertPersonName(command.lastName, 'lastName'),
        email: command.email === null ? null : assertEmailAddress(command.email),
      },
    },
  ];
};

const setLegalName = (command: SetLegalName, state: ChartState): LegalNameSet[] => {
  const chart = openChartOf(state, command.practiceId);
  const firstName = assertPersonName(command.firstName, 'firstName');
  const lastName = assertPersonName(command.lastName, 'lastName');
  if (chart.legalName?.firstName === firstName && chart.legalName.lastName === lastName) return [];
  return [{ type: 'LegalNameSet', data: { chartId: chart.chartId, firstName, lastName } }];
};

const clearLegalName = (command: ClearLegalName, state: ChartState): LegalNameCleared[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.legalName === null) return [];
  return [{ type: 'LegalNameCleared', data: { chartId: chart.chartId } }];
};

const completeClientSetup = (command: CompleteClientSetup, state: ChartState): ClientSetupCompleted[] => {
  const chart = openChartOf(state, command.practiceId);
  if (chart.setupComplete) {
    throw new DomainError('ClientSetupAlreadyComplete', 'conflict', 'The setup of this client is already complete');
  }
  return [{ type: 'ClientSetupCompleted', data: { chartId: chart.chartId } }];
};

export const decide = (command: ChartCommand, state: ChartState): ChartEvent[] => {
  switch (command.type) {
    case 'CreateClient':
      return createClient(command, state);
    case 'SetLegalName':
      return setLegalName(command, state);
    case 'ClearLegalName':
      return clearLegalName(command, state);
    case 'CompleteClientSetup':
      return completeClientSetup(command, state);
    default:
      return assertNever(command);
  }
};

const evolveOpen = (state: ChartState, change: (chart: OpenChart) => OpenChart): ChartState =>
  state.status === 'open' ? change(state) : state;

export const evolve = (state: ChartState, event: ChartEvent): ChartState => {
  switch (event.type) {
    case 'ClientCreated': {
      const { chartId, practiceId, kind, firstName, lastName, email } = event.data;
      return {
        status: 'open',
        chartId,
        practiceId,
        kind,
        name: { firstName, lastName },
        legalName: null,
        email,
        setupComplete: false,
      };
    }
    case 'LegalNameSet':
      return evolveOpen(state, (chart) => ({
        ...chart,
        legalName: { firstName: event.data.firstName, lastName: event.data.lastName },
      }));
    case 'LegalNameCleared':
      return evolveOpen(state, (chart) => ({ ...chart, legalName: null }));
    case 'ClientSetupCompleted':
      return evolveOpen(state, (chart) => ({ ...chart, setupComplete: true }));
    default:
      return assertNever(event);
  }
};

export const initialState = (): ChartState => ({ status: 'none' });

export const chartDecider: Decider<ChartCommand, ChartState, ChartEvent> = { decide, evolve, initialState };
