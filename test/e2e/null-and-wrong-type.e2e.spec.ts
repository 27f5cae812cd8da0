import { startTestApp, signedInUser, createdPractice, type TestApp } from '../support/test-app';

/**
 * Request validation and the event schemas must agree: a body the request check lets through must be
 * one the events can hold. Every route with a body in the OpenAPI document (so a new route is covered
 * without touching this spec) is called with an otherwise plausible body in which one field, at any
 * depth, is `null` or of the wrong type. A wrong type is a 400 naming the field; `null` is either
 * refused by the request check or accepted; neither is ever a 5xx nor refused by an event schema.
 */
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Record<string, Schema>;
  readonly items?: Schema;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly minLength?: number;
}
interface Operation {
  readonly requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { schemas: Record<string, Schema> };
}
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

describe('Every field of every body, set to null or to a wrong type', () => {
  jest.setTimeout(180_000);
  let app: TestApp;
  let auth: { Authorization: string };
  let ids: Record<string, string>;
  let openApi: OpenApi;
  let unique = 0;

  beforeAll(async () => {
    app = await startTestApp();
    const owner = await signedInUser(app);
    auth = owner.auth;
    const practiceId = await createdPractice(app, auth);
    const on = (path: string, body: object) => app.http().post(`/practices/${practiceId}${path}`).set(auth).send(body);
    const clientId = (await on('/clients', { firstName: 'Null', lastName: 'Target' })).body.clientId;
    const tagId = (await on('/tags', { name: 'Sample tag' })).body.tagId;
    const contactId = (await on('/contacts', { firstName: 'Sample', lastName: 'Contact' })).body.contactId;
    ids = { practiceId, clientId, chartId: clientId, userId: owner.userId, practitionerId: owner.userId, tagId, contactId };
    openApi = (await app.http().get('/docs/openapi.json')).body;
  });

  afterAll(async () => app.destroy());

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? openApi.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;

  /** A plausible value of a schema: its example, an enum member, a real id, or a value of its type. */
  const sample = (schema: Schema, name = ''): Json => {
    const resolved = resolve(schema);
    if (resolved.properties) {
      const names = Object.keys(resolved.properties);
      // "Exactly one of new, contactId or clientId": the sample takes `new`.
      const chosen = names.includes('new') ? names.filter((n) => n !== 'contactId' && n !== 'clientId') : names;
      return Object.fromEntries(chosen.map((n) => [n, sample(resolved.properties![n], n)]));
    }
    if (resolved.enum) return resolved.enum[0] as Json;
    if (/email/i.test(name)) return `sample.${process.pid}.${(unique += 1)}@example.com`;
    if (ids[name]) return ids[name];
    if (resolved.example !== undefined) return resolved.example as Json;
    if (resolved.type === 'array') return [sample(resolved.items ?? {}, name)];
    if (resolved.type === 'boolean') return true;
    if (resolved.type === 'number' || resolved.type === 'integer') return 1;
    return 'x'.repeat(Math.max(resolved.minLength ?? 1, 12));
  };

  const wrongTypeOf = (value: Json): Json =>
    typeof value === 'string' ? 12345 : typeof value === 'number' ? 'fifty' : typeof value === 'boolean' ? 'yes' : Array.isArray(value) ? 'a list' : 'an object';

  /** Every path into a sample body: object fields and the first item of lists. */
  const pathsOf = (value: Json, prefix: Path = []): Path[] => {
    if (value === null || typeof value !== 'object') return [];
    const children: [string | number, Json][] = Array.isArray(value) ? value.slice(0, 1).map((v, i) => [i, v]) : Object.entries(value);
    return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
  };

  const valueAt = (body: Json, path: Path): Json => path.reduce<any>((node, key) => node[key], body);
  const withValue = (body: Json, path: Path, value: Json): Json => {
    const copy = JSON.parse(JSON.stringify(body)) as Json;
    const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
    parent[path[path.length - 1]] = value;
    return copy;
  };

  const fill = (path: string): string => path.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name] ?? ids.clientId);

  it('is a 400 naming the field, or accepted, and never a 5xx', async () => {
    const operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody?.content['application/json'])
        .map(([method, operation]) => ({ path, method, schema: operation.requestBody!.content['application/json'].schema })),
    );
    expect(operations.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let calls = 0;
    for (const { path, method, schema } of operations) {
      for (const field of pathsOf(sample(schema))) {
        for (const kind of ['null', 'wrong type'] as const) {
          const base = sample(schema);
          const body = withValue(base, field, kind === 'null' ? null : wrongTypeOf(valueAt(base, field)));
          const response = await (app.http() as any)[method](fill(path)).set(auth).send(body);
          calls += 1;
          const name = field.join('.');
          const named = (response.body?.errors ?? []).some((e: { field: string }) => e.field === name || e.field.startsWith(`${name}.`));
          const where = `${method.toUpperCase()} ${path} ${name}=${kind}: ${response.status} ${response.body?.code}`;
          // InvalidValue: the event store refused what the request check let through (they disagree).
          if (response.status >= 500 || response.body?.code === 'InvalidValue') failures.push(where);
          else if (kind === 'wrong type' && !(response.status === 400 && named)) failures.push(where);
          else if (response.status === 400 && !(response.body?.errors?.length > 0)) failures.push(where);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    // The owner's session survived every call: the answers above were not all 401s.
    expect((await app.http().get('/me').set(auth)).status).toBe(200);
  });
});
