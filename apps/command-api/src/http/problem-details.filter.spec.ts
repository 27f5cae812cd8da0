import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpException, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { DomainError, domainErrorKinds, type DomainErrorCode } from '@practice/domain';
import {
  EventStoreUnavailableError,
  InvalidEventError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@practice/event-store';
import { ReadStoreUnavailableError } from '@practice/read-store';
import { EventDataRefusedError, RevisionMismatchError } from '../application/command-runner';
import { badRequest, problem, ProblemException } from './problem';
import { ProblemDetailsFilter } from './problem-details.filter';
import { PROBLEM_TYPE_BASE, problemCodes, problemTypeOf, problemTypes, problemTypeUri } from './problem-types';

interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

const render = (exception: unknown, url = '/practices/p-1/clients?search=ada'): Sent => {
  const sent: Sent = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => ((sent.headers[name.toLowerCase()] = value), response),
    status: (status: number) => ((sent.status = status), response),
    send: (body: string) => ((sent.body = JSON.parse(body)), response),
  };
  const request = { originalUrl: url, url };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
};

describe('ProblemDetailsFilter', () => {
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

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
    [new NotFoundException('Cannot GET /nope'), 404, 'NotFound'],
    [new PayloadTooLargeException(), 413, 'PayloadTooLarge'],
    [new HttpException('teapot', 418), 400, 'BadRequest'],
    [new ProblemException(problem('SignInLocked', 'later'), { 'Retry-After': '60' }), 429, 'SignInLocked'],
    [badRequest('InvalidCursor', 'bad', [{ field: 'cursor', in: 'query', message: 'x' }]), 400, 'InvalidCursor'],
    [new InvalidEventError('ClientCreated', 'firstName: Required'), 500, 'InternalError'],
    [new Error('boom with a client name in it'), 500, 'InternalError'],
  ])('renders %p as %i %s: problem+json with the type, title and status of the catalogue', (exception, status, code) => {
    const sent = render(exception);
    const entry = problemTypeOf(code as never);
    expect(sent.status).toBe(status);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sent.body).toMatchObject({ type: entry.type, title: entry.title, status, code, instance: '/practices/p-1/clients' });
  });

  it('keeps the title of a type whatever the occurrence; the occurrence is in detail', () => {
    const one = render(new NotFoundException('Cannot GET /nope'), '/nope');
    const other = render(new NotFoundException('Cannot DELETE /other'), '/other');
    expect(one.body).toMatchObject({ title: 'Not found', detail: 'Cannot GET /nope', instance: '/nope' });
    expect(other.body).toMatchObject({ title: 'Not found', detail: 'Cannot DELETE /other', instance: '/other' });
    const linked = (names: string) =>
      render(new DomainError('ClientLinkedToOtherCharts', 'conflict', `The client cannot be deleted while linked to: ${names}`, [], { charts: [{ name: names }] })).body;
    expect(linked('The Lees')?.title).toBe(linked('The Smiths')?.title);
    expect(linked('The Lees')).toMatchObject({ detail: expect.stringContaining('The Lees'), charts: [{ name: 'The Lees' }] });
  });

  it('names the fields of a domain rule by JSON Pointer, keeping the dotted field', () => {
    const sent = render(new DomainError('EmailAlreadyInUse', 'conflict', 'taken', [{ field: 'contacts.0.new.email', message: 'taken' }]));
    expect(sent.body?.errors).toEqual([{ pointer: '/contacts/0/new/email', field: 'contacts.0.new.email', message: 'taken' }]);
  });

  it('escapes ~ and / in pointers (RFC 6901) and names headers and parameters as such', () => {
    const sent = render(
      badRequest('ValidationFailed', 'bad', [
        { field: 'a~b.c/d', message: 'x' },
        { field: 'If-Match', message: 'y' },
        { field: 'limit', in: 'query', message: 'z' },
        { field: 'clientId', in: 'path', message: 'w' },
      ]),
    );
    expect(sent.body?.errors).toEqual([
      { pointer: '/a~0b/c~1d', field: 'a~b.c/d', message: 'x' },
      { header: 'If-Match', field: 'If-Match', message: 'y' },
      { parameter: 'limit', field: 'limit', message: 'z' },
      { parameter: 'clientId', field: 'clientId', message: 'w' },
    ]);
  });

  it('keeps the extra members and headers of a problem', () => {
    expect(render(new RevisionMismatchError('chart-1', 1, 2)).body).toMatchObject({ currentRevision: 2, detail: expect.stringContaining('revision 2') });
    expect(render(new ProblemException(problem('SignInLocked', 'later'), { 'Retry-After': '60' })).headers['retry-after']).toBe('60');
    expect(render(new ProblemException(problem('BodyTooDeep', 'deep', { maxDepth: 32 }))).body).toMatchObject({ maxDepth: 32 });
  });

  it('says nothing of an unexpected error', () => {
    expect(JSON.stringify(render(new Error('Ada Lovelace, DOB 1815-12-10')).body)).not.toMatch(/Ada|1815/);
  });

  it('leaves the query out of instance (a query value may hold personal data)', () => {
    expect(render(new NotFoundException(), '/practices/p-1/clients?search=grace').body?.instance).toBe('/practices/p-1/clients');
  });
});

describe('the catalogue of problem types', () => {
  it('has one type URI per code, under one base, and a title for each', () => {
    const types = problemTypes();
    expect(new Set(types.map((t) => t.type)).size).toBe(types.length);
    for (const entry of types) {
      expect(entry.type).toBe(problemTypeUri(entry.code));
      expect(entry.type.startsWith(PROBLEM_TYPE_BASE)).toBe(true);
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.when.length).toBeGreaterThan(0);
    }
    expect(problemTypeUri('EmailAlreadyInUse')).toBe('https://practice-core.dev/problems/email-already-in-use');
  });

  it('lists every domain code with the status of its kind', () => {
    const statusOfKind = { invalid: 422, not_found: 404, conflict: 409, forbidden: 403 };
    for (const [code, kind] of Object.entries(domainErrorKinds)) {
      expect(problemCodes).toContain(code);
      expect(problemTypeOf(code as DomainErrorCode).status).toBe(statusOfKind[kind]);
    }
  });

  it('is listed whole in the README: code, status and title of every type', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    for (const entry of problemTypes()) {
      expect(readme).toContain(`| \`${entry.code}\` | ${entry.status} | ${entry.title} | ${entry.when} |`);
    }
  });
});
