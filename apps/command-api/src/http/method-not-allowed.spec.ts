import { allowedMethods, checkMethod, routeTable } from './method-not-allowed';

const table = routeTable({
  '/auth/sign-in': { post: {} },
  '/practices/{practiceId}/clients': { get: {}, post: {}, parameters: [] },
  '/practices/{practiceId}/clients/minors': { post: {} },
  '/practices/{practiceId}/clients/{clientId}': { delete: {} },
});

describe('allowedMethods', () => {
  it('lists the methods of every route the path matches, HEAD with GET, and OPTIONS', () => {
    expect(allowedMethods(table, '/practices/p1/clients')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(allowedMethods(table, '/practices/p1/clients/minors')).toEqual(['DELETE', 'OPTIONS', 'POST']);
    expect(allowedMethods(table, '/practices/p1/clients/')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
  });

  it('lists nothing for a path no route has', () => {
    expect(allowedMethods(table, '/nowhere')).toEqual([]);
    expect(allowedMethods(table, '/practices/p1/clients/c1/extra')).toEqual([]);
    expect(allowedMethods(table, '/practices//clients')).toEqual([]);
  });
});

describe('checkMethod', () => {
  it('passes an allowed method and an unknown path (a 404 later)', () => {
    expect(checkMethod(table, 'post', '/auth/sign-in')).toEqual({ kind: 'pass' });
    expect(checkMethod(table, 'HEAD', '/practices/p1/clients')).toEqual({ kind: 'pass' });
    expect(checkMethod(table, 'GET', '/nowhere')).toEqual({ kind: 'pass' });
  });

  it('refuses another method of a known path with 405 and Allow', () => {
    expect(checkMethod(table, 'GET', '/auth/sign-in')).toMatchObject({
      kind: 'refused',
      allow: 'OPTIONS, POST',
      problem: { status: 405, code: 'MethodNotAllowed', allow: ['OPTIONS', 'POST'] },
    });
  });

  it('answers OPTIONS on a known path with Allow', () => {
    expect(checkMethod(table, 'OPTIONS', '/auth/sign-in')).toEqual({ kind: 'options', allow: 'OPTIONS, POST' });
  });
});
