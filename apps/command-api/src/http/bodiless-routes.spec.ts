import { bodilessRoutes, checkNoBody } from './bodiless-routes';

describe('bodilessRoutes', () => {
  it('lists the operations without a requestBody, as Fastify names their routes', () => {
    const routes = bodilessRoutes({
      '/practices/{practiceId}/clients/{clientId}/deactivate': { post: { responses: {} } },
      '/practices/{practiceId}/clients': { post: { requestBody: {}, responses: {} }, get: { responses: {} } },
      '/practices/{practiceId}/tags/{tagId}': { delete: { responses: {} }, put: { requestBody: {} } },
    });
    expect([...routes].sort()).toEqual(['DELETE /practices/:practiceId/tags/:tagId', 'POST /practices/:practiceId/clients/:clientId/deactivate']);
  });
});

describe('checkNoBody', () => {
  it('passes no body and an empty object', () => {
    expect(checkNoBody(undefined)).toBeUndefined();
    expect(checkNoBody({})).toBeUndefined();
  });

  it('refuses each field of a body the route does not take', () => {
    expect(checkNoBody({ a: 1, 'b.c': null })).toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      errors: [
        { field: 'a', pointer: '/a', message: 'property a should not exist' },
        { field: 'b.c', pointer: '/b.c', message: 'property b.c should not exist' },
      ],
    });
  });
});
