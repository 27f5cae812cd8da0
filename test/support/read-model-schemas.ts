import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ReadStore } from '@practice/read-store';
import { allProjections, READ_MODEL_DOCS_DIR, readModelSchemaFile } from '@practice/read-models';

/**
 * Every document of every read model collection checked against its published JSON Schema
 * (docs/read-models); answers the documents that do not match, with ajv's reasons.
 */
export const documentsNotMatchingTheirSchemas = async (store: ReadStore): Promise<{ collection: string; id: string; errors: string }[]> => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const failures: { collection: string; id: string; errors: string }[] = [];
  for (const { name } of allProjections) {
    const schema = JSON.parse(readFileSync(join(READ_MODEL_DOCS_DIR, readModelSchemaFile(name)), 'utf8')) as object;
    const validate = ajv.compile(schema);
    for (const doc of await store.collection(name).find({})) {
      const id = doc._id;
      if (!validate(doc)) failures.push({ collection: name, id, errors: ajv.errorsText(validate.errors) });
    }
  }
  return failures;
};
