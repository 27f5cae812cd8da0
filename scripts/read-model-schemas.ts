import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReadModelDocs } from './read-model-schemas.generate';

/** Writes the JSON Schema of every read model collection to docs/read-models/ (npm run read-models:schemas). */
const main = (): void => {
  const files = generateReadModelDocs();
  mkdirSync('docs/read-models', { recursive: true });
  for (const [file, text] of files) writeFileSync(join('docs/read-models', file), text);
  console.log(`read-models: wrote ${files.size} files to docs/read-models`);
};

main();
