import { problem, type Problem } from './problem';

/** The routes of the API as the OpenAPI document lists them: `paths[template][method]`. */
export type RoutePaths = Readonly<Record<string, object>>;

interface RouteTemplate {
  readonly pattern: RegExp;
  readonly methods: readonly string[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

const escape = (text: string): string => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** `/practices/{practiceId}/clients` -> a pattern for one path segment per parameter. */
export const routeTable = (paths: RoutePaths): readonly RouteTemplate[] =>
  Object.entries(paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.split(/\{[^}/]+\}/).map(escape).join('[^/]+')}/?$`, 'i'),
    methods: Object.keys(operations).filter((method) => HTTP_METHODS.has(method)).map((method) => method.toUpperCase()),
  }));

/** The methods a path answers (HEAD with GET, OPTIONS always), or none when no route has the path. */
export const allowedMethods = (table: readonly RouteTemplate[], path: string): readonly string[] => {
  const methods = new Set(table.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods));
  if (methods.size === 0) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort();
};

export type MethodCheck = { readonly kind: 'pass' } | { readonly kind: 'options' | 'refused'; readonly allow: string; readonly problem?: Problem };

/**
 * A known path called with a method it does not have is 405 with `Allow` (not 404: the path exists);
 * OPTIONS on a known path answers the `Allow` list. An unknown path passes on, to become a 404.
 */
export const checkMethod = (table: readonly RouteTemplate[], method: string, path: string): MethodCheck => {
  const allowed = allowedMethods(table, path);
  const upper = method.toUpperCase();
  if (allowed.length === 0 || (upper !== 'OPTIONS' && allowed.includes(upper))) return { kind: 'pass' };
  const allow = allowed.join(', ');
  if (upper === 'OPTIONS') return { kind: 'options', allow };
  return { kind: 'refused', allow, problem: problem('MethodNotAllowed', `${upper} is not allowed here; use ${allow}`, { allow: allowed }) };
};
