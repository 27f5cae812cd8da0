import { DomainError } from '../shared/domain-error';
import type { ChartState, OpenChart } from './chart.state';

export const chartNotFound = (): DomainError => new DomainError('ChartNotFound', 'not_found', 'No such chart');

/** The open chart of this practice, or "not found" (another practice's chart and a deleted one alike). */
export const openChartOf = (state: ChartState, practiceId: string): OpenChart => {
  if (state.status !== 'open' || state.practiceId !== practiceId) throw chartNotFound();
  return state;
};

/** A chart of one client (individual or minor): a group chart has no details of its own. */
export const clientChartOf = (state: ChartState, practiceId: string): OpenChart => {
  const chart = openChartOf(state, practiceId);
  if (chart.kind === 'group') {
    throw new DomainError(
      'GroupChartHasNoDetails',
      'conflict',
      "A couple / family / conjoint chart has no details of its own; edit the member's individual chart",
    );
  }
  return chart;
};

export const groupChartOf = (state: ChartState, practiceId: string): OpenChart => {
  const chart = openChartOf(state, practiceId);
  if (chart.kind !== 'group') throw new DomainError('NotAGroupChart', 'conflict', 'This chart is not a couple / family / conjoint chart');
  return chart;
};

export const activeChartOf = (state: ChartState, practiceId: string): OpenChart => {
  const chart = openChartOf(state, practiceId);
  if (!chart.active) throw new DomainError('ClientInactive', 'conflict', 'The client is inactive; reactivate them first');
  return chart;
};
