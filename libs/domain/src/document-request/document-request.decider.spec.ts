import { deciderSpec } from '../../../../test/support/decider-spec';
import type { ChartEvent, DocumentRequestEvent } from '@practice/events';
import { fold } from '../shared/decider';
import { evolve as evolveChart, initialState as initialChart, type ChartState } from '../chart/chart.state';
import { chartId, groupCreated, individualCreated, memberAdded, practiceId } from '../chart/chart-spec.fixtures';
import { documentRequestDecider } from './document-request.decider';

const spec = deciderSpec(documentRequestDecider);
const requestId = 'd-1';
const chartOf = (...events: ChartEvent[]): ChartState => fold({ evolve: evolveChart, initialState: initialChart }, events);
const individual = chartOf(individualCreated);
const on = (chart: ChartState = individual, id = chartId) => ({ requestId, practiceId, chartId: id, chart });
const request = (chart: ChartState = individual) => ({ type: 'RequestDocument' as const, ...on(chart), title: ' Intake form ', message: null });
const requested: DocumentRequestEvent = { type: 'DocumentRequested', data: { requestId, practiceId, chartId, title: 'Intake form', message: null } };
const completed: DocumentRequestEvent = { type: 'DocumentRequestCompleted', data: { requestId, chartId, completedBy: { kind: 'staff', userId: 'u-1' } } };

describe('Document request decider', () => {
  describe('when nothing was requested', () => {
    it('requests paperwork from an individual chart and from a group chart alike', () => {
      spec.given([]).when(request()).then([requested]);
      spec.given([]).when(request(chartOf(groupCreated, memberAdded('m-1')))).then([requested]);
    });

    it('refuses a blank title or a long message, naming the field', () => {
      spec.given([]).when({ ...request(), title: ' ' }).thenThrows('TitleRequired', 'title');
      spec.given([]).when({ ...request(), message: 'x'.repeat(4001) }).thenThrows('TextTooLong', 'message');
    });

    it("refuses another practice's chart or a deleted one: not found", () => {
      spec.given([]).when({ ...request(), practiceId: 'p-other' }).thenThrows('ChartNotFound');
      spec.given([]).when(request(chartOf())).thenThrows('ChartNotFound');
    });

    it('has nothing to complete or cancel', () => {
      spec.given([]).when({ type: 'CancelDocumentRequest', ...on() }).thenThrows('DocumentRequestNotFound');
    });
  });

  describe('when requested', () => {
    it('is completed once, recording who; completing again changes nothing', () => {
      const complete = { type: 'CompleteDocumentRequest' as const, ...on(), completedBy: { kind: 'staff' as const, userId: 'u-1' } };
      spec.given([requested]).when(complete).then([completed]);
      spec.given([requested, completed]).when(complete).then([]);
      spec.given([requested, completed]).when({ type: 'CancelDocumentRequest', ...on() }).thenThrows('DocumentRequestClosed');
    });

    it('is cancelled; a cancelled request cannot be completed', () => {
      const cancelled: DocumentRequestEvent = { type: 'DocumentRequestCancelled', data: { requestId, chartId } };
      spec.given([requested]).when({ type: 'CancelDocumentRequest', ...on() }).then([cancelled]);
      spec.given([requested, cancelled]).when({ type: 'CompleteDocumentRequest', ...on(), completedBy: { kind: 'client' } }).thenThrows('DocumentRequestClosed');
    });

    it("stays on its chart: through a member's chart, or a group's, it is not found", () => {
      const memberChart = chartOf({ ...individualCreated, data: { ...individualCreated.data, chartId: 'm-1' } } as ChartEvent);
      spec.given([requested]).when({ type: 'CompleteDocumentRequest', ...on(memberChart, 'm-1'), completedBy: { kind: 'client' } }).thenThrows('DocumentRequestNotFound');
      const groupChart = chartOf({ ...groupCreated, data: { ...groupCreated.data, chartId: 'g-1' } } as ChartEvent);
      spec.given([requested]).when({ type: 'CancelDocumentRequest', ...on(groupChart, 'g-1') }).thenThrows('DocumentRequestNotFound');
    });
  });
});
