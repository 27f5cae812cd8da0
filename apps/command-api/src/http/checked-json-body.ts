/**
 * The request bodies the pipeline parsed from JSON and checked (parseJsonBody in http-pipeline.ts):
 * no prototype key (`__proto__`, `constructor`, `prototype`) at any depth, no array with a gap (JSON
 * has none), no binary value. The validation pipe skips its own walks for these on such a body
 * (validation.pipe.ts); any other value still gets them.
 */
const checked = new WeakSet<object>();

export const markCheckedJsonBody = (body: unknown): void => {
  if (typeof body === 'object' && body !== null) checked.add(body);
};

export const isCheckedJsonBody = (value: unknown): boolean => typeof value === 'object' && value !== null && checked.has(value);
