import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allProjections, readModelTypes } from '@practice/read-models';
import { generateReadModelDocs } from '../../scripts/read-model-schemas.generate';

const DIR = 'docs/read-models';

describe('the JSON Schemas of the read models (docs/read-models)', () => {
  it('names a document type for every read model the projector keeps', () => {
    expect(allProjections.map((p) => p.name).filter((name) => readModelTypes[name] === undefined)).toEqual([]);
  });

  it('never close an object without properties (a Record<> type, which the generator cannot read: write an index signature)', () => {
    const closedEmpty: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.type === 'object' && schema.additionalProperties === false && schema.properties === undefined) closedEmpty.push(path);
      for (const [key, value] of Object.entries(schema)) walk(value, `${path}/${key}`);
    };
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.schema.json'))) walk(JSON.parse(readFileSync(join(DIR, file), 'utf8')), file);
    expect(closedEmpty).toEqual([]);
  });

  it('are the files the types generate (npm run read-models:schemas)', () => {
    const generated = generateReadModelDocs();
    const committed = readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [file, text] of generated) expect({ file, text: readFileSync(join(DIR, file), 'utf8') }).toEqual({ file, text });
  }, 180_000);
});
