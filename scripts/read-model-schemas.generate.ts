import * as TJS from 'typescript-json-schema';
import { allProjections, readModelSchemaFile, readModelTypes, type ReadModelCatalogEntry } from '@practice/read-models';

/**
 * Generates, from the TypeScript types of libs/read-models (one program, every type), the JSON Schema of
 * each read model collection with its indexes (`x-indexes`) and the meaning of each field (the types'
 * doc comments become `description`s). Answers file name -> text: one `<name>.schema.json` per
 * collection and `read-models.json`, the catalogue the API serves.
 */
export const generateReadModelDocs = (): Map<string, string> => {
  const program = TJS.programFromConfig('tsconfig.json', ['libs/read-models/src/index.ts']);
  const generator = TJS.buildGenerator(program, { required: true, noExtraProps: true, strictNullChecks: true, ignoreErrors: true, ref: false, aliasRef: false, topRef: false });
  if (generator === null) throw new Error('the read model types do not compile');
  const entries: ReadModelCatalogEntry[] = allProjections.map((projection) => {
    const type = readModelTypes[projection.name];
    if (type === undefined) throw new Error(`read model ${projection.name} has no type in readModelTypes`);
    const { $schema: _s, definitions, ...generated } = generator.getSchemaForSymbol(type) as unknown as Record<string, unknown>;
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://practice-core.dev/read-models/${readModelSchemaFile(projection.name)}`,
      title: projection.name,
      ...generated,
      // The store's documents hold exactly their type's fields (ReadDocument's index signature is for the port).
      ...(generated.properties ? { additionalProperties: false } : {}),
      ...(definitions && Object.keys(definitions as object).length > 0 ? { definitions } : {}),
      'x-collection': projection.name,
      'x-type': type,
      'x-indexes': projection.indexes,
    };
    return { name: projection.name, type, description: String(generated.description ?? ''), indexes: projection.indexes, schema };
  });
  const files = new Map<string, string>();
  for (const entry of entries) files.set(readModelSchemaFile(entry.name), `${JSON.stringify(entry.schema, null, 2)}\n`);
  files.set('read-models.json', `${JSON.stringify(entries, null, 2)}\n`);
  return files;
};
