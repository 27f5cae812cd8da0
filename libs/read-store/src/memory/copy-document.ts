/**
 * A deep copy of a stored document, as structuredClone makes it, but several times faster for what
 * read models hold (plain objects, arrays, strings, numbers, booleans, null): the in-memory store
 * copies every document it stores and every one it hands out, so this copy is on the path of every
 * projected event and every read. Anything else inside (a Date, a Map, a class instance) is left to
 * structuredClone, so the result is the same as before.
 */
export function copyDocument<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const array = new Array(length);
    for (let i = 0; i < length; i += 1) array[i] = copyDocument(value[i]);
    return array as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const object: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key)) object[key] = copyDocument((value as Record<string, unknown>)[key]);
  }
  return object as T;
}
