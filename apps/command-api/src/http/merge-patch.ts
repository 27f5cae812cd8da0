/** A JSON object, as a merge patch and the documents it applies to are. */
export type JsonObject = { readonly [member: string]: unknown };

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * JSON merge patch (RFC 7396): a member present in the patch sets it, `null` removes it, an absent
 * member is left as it is, and an object merges into the object it replaces, recursively. Anything
 * else (a string, an array) replaces the target whole. Neither argument is changed.
 */
export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, unknown> = isJsonObject(target) ? { ...target } : {};
  for (const [member, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[member];
      continue;
    }
    // Own members only, even one named `__proto__`: a patch never reaches a prototype.
    const current = Object.prototype.hasOwnProperty.call(result, member) ? result[member] : undefined;
    Object.defineProperty(result, member, { value: mergePatch(current, value), enumerable: true, writable: true, configurable: true });
  }
  return result;
};
