import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allProjections, readModelTypes } from '@practice/read-models';
import { generateReadModelDocs } from '../../scripts/read-model-schemas.generate';

const DIR = 'docs/read-models';

describe('the JSON Schemas of the read models (docs/read-models)', () => {
  it('names a document type for every read model the projector keeps', () => {
    expect(allProjections.map((p) => p.name).filter((name) => readModelTypes[name] === undefined)).toEqual([]);
  });

  it('are the files the types generate (npm run read-models:schemas)', () => {
    const generated = generateReadModelDocs();
    const committed = readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [file, text] of generated) expect({ file, text: readFileSync(join(DIR, file), 'utf8') }).toEqual({ file, text });
  }, 180_000);
});
