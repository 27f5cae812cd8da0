import type { DocumentRequestEvent, TaskCompleter } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { optionalText } from '../shared/optional-text';
import type { ChartState } from '../chart/chart.state';
import { chartOfCommand } from '../task/task.decider';
import { assertTitle } from '../task/record-text';

/**
 * A request for paperwork from one chart (stream `docrequest-<requestId>`). It stays on the chart it was
 * requested from: it names that chart only, so a group chart's request is not its members' and the
 * reverse. Commands carry the chart of the path as the handler folded it.
 */
interface OnChart {
  readonly requestId: string;
  readonly practiceId: string;
  readonly chartId: string;
  readonly chart: ChartState;
}

export interface RequestDocument extends OnChart {
  readonly type: 'RequestDocument';
  readonly title: string;
  readonly message: string | null;
}
export interface CompleteDocumentRequest extends OnChart {
  readonly type: 'CompleteDocumentRequest';
  readonly completedBy: TaskCompleter;
}
export interface CancelDocumentRequest extends OnChart {
  readonly type: 'CancelDocumentRequest';
}
export type DocumentRequestCommand = RequestDocument | CompleteDocumentRequest | CancelDocumentRequest;

export interface ExistingDocumentRequest {
  readonly status: 'requested' | 'completed' | 'cancelled';
  readonly requestId: string;
  readonly practiceId: string;
  readonly chartId: string;
}
export type DocumentRequestState = { readonly status: 'none' } | ExistingDocumentRequest;

export const documentRequestNotFound = (): DomainError =>
  new DomainError('DocumentRequestNotFound', 'not_found', 'No such document request on this chart');

const requestOf = (command: OnChart, state: DocumentRequestState): ExistingDocumentRequest => {
  chartOfCommand(command);
  if (state.status === 'none' || state.practiceId !== command.practiceId || state.chartId !== command.chartId) throw documentRequestNotFound();
  return state;
};

const closed = (status: string): DomainError =>
  new DomainError('DocumentRequestClosed', 'conflict', `The document request is ${status}`, [], { status });

const requestDocument = (command: RequestDocument, state: DocumentRequestState): DocumentRequestEvent[] => {
  const chart = chartOfCommand(command);
  if (state.status !== 'none') throw new DomainError('DocumentRequestAlreadyExists', 'conflict', 'A document request with this id already exists');
  const title = assertTitle(command.title);
  const message = optionalText(command.message, 'message', 4000);
  return [{ type: 'DocumentRequested', data: { requestId: command.requestId, practiceId: command.practiceId, chartId: chart.chartId, title, message } }];
};

const completeDocumentRequest = (command: CompleteDocumentRequest, state: DocumentRequestState): DocumentRequestEvent[] => {
  const request = requestOf(command, state);
  if (request.status === 'completed') return [];
  if (request.status === 'cancelled') throw closed(request.status);
  return [{ type: 'DocumentRequestCompleted', data: { requestId: request.requestId, chartId: request.chartId, completedBy: command.completedBy } }];
};

const cancelDocumentRequest = (command: CancelDocumentRequest, state: DocumentRequestState): DocumentRequestEvent[] => {
  const request = requestOf(command, state);
  if (request.status === 'cancelled') return [];
  if (request.status === 'completed') throw closed(request.status);
  return [{ type: 'DocumentRequestCancelled', data: { requestId: request.requestId, chartId: request.chartId } }];
};

export const decide = (command: DocumentRequestCommand, state: DocumentRequestState): DocumentRequestEvent[] => {
  switch (command.type) {
    case 'RequestDocument':
      return requestDocument(command, state);
    case 'CompleteDocumentRequest':
      return completeDocumentRequest(command, state);
    case 'CancelDocumentRequest':
      return cancelDocumentRequest(command, state);
    default:
      return assertNever(command);
  }
};

const existing = (state: DocumentRequestState, status: ExistingDocumentRequest['status']): DocumentRequestState =>
  state.status === 'none' ? state : { ...state, status };

export const evolve = (state: DocumentRequestState, event: DocumentRequestEvent): DocumentRequestState => {
  switch (event.type) {
    case 'DocumentRequested':
      return { status: 'requested', requestId: event.data.requestId, practiceId: event.data.practiceId, chartId: event.data.chartId };
    case 'DocumentRequestCompleted':
      return existing(state, 'completed');
    case 'DocumentRequestCancelled':
      return existing(state, 'cancelled');
    default:
      return assertNever(event);
  }
};

export const initialState = (): DocumentRequestState => ({ status: 'none' });

export const documentRequestDecider: Decider<DocumentRequestCommand, DocumentRequestState, DocumentRequestEvent> = { decide, evolve, initialState };
