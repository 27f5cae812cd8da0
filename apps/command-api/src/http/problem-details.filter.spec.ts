import { NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '../../../../libs/domain/src/shared/domain-error';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../../../../libs/event-store/src/event-store.port';
import { ReadStoreUnavailableError } from '../../../../libs/read-store/src/read-store.port';
import { EventDataRefusedError, RevisionMismatchError } from '../application/command-runner';
import { ProblemDetailsFilter } from './problem-details.filter';

interface Sent {
  status?: number;
  type?: string;
  body?: Record<string, unknown>;
}

const render = (exception: unknown): Sent => {
  const sent: Sent = {};
  const response = {
    header: () => response,
    status: (status: number) => ((sent.status = status), response),
    type: (type: string) => ((sent.type = type), response),
    send: (body: string) => ((sent.body = JSON.parse(body)), response),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
};

describe('ProblemDetailsFilter', () => {
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

  it.each([
    [new DomainError('EmailAlreadyInUse', 'conflict', 'taken', [{ field: 'email', message: 'taken' }]), 409, 'EmailAlreadyInUse'],
    [new DomainError('NameRequired', 'invalid', 'empty'), 422, 'NameRequired'],
    [new DomainError('ChartNotFound', 'not_found', 'none'), 404, 'ChartNotFound'],
    [new DomainError('Forbidden', 'forbidden', 'no'), 403, 'Forbidden'],
    [new RevisionMismatchError('chart-1', 1, 2), 412, 'RevisionMismatch'],
    [new EventDataRefusedError('PracticeSettingsChanged', [{ field: 'flag', message: 'x' }]), 422, 'InvalidValue'],
    [new WrongExpectedRevisionError('chart-1', 1, 2), 409, 'ConcurrentModification'],
    [new StreamDeletedError('chart-1'), 410, 'Deleted'],
    [new EventStoreUnavailableError('down'), 503, 'EventStoreUnavailable'],
    [new ReadStoreUnavailableError('down'), 503, 'ReadStoreUnavailable'],
    [new NotFoundException(), 404, 'NotFound'],
    [new InvalidEventError('ClientCreated', 'firstName: Required'), 500, 'InternalError'],
    [new Error('boom with a client name in it'), 500, 'InternalError'],
  ])('renders %p as %i %s, as problem+json', (exception, status, code) => {
    const sent = render(exception);
    expect(sent).toMatchObject({ status, type: 'application/problem+json', body: { status, code } });
  });

  it('names the fields of a domain rule', () => {
    const sent = render(new DomainError('EmailAlreadyInUse', 'conflict', 'taken', [{ field: 'email', message: 'taken' }]));
    expect(sent.body?.errors).toEqual([{ field: 'email', message: 'taken' }]);
  });

  it('says nothing of an unexpected error', () => {
    expect(JSON.stringify(render(new Error('Ada Lovelace, DOB 1815-12-10')).body)).not.toMatch(/Ada|1815/);
  });
});
