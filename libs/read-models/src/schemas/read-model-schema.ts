import type { IndexSpec } from '@practice/read-store';

/** A read model collection as published in docs/read-models/ and by `GET /read-models`. */
export interface ReadModelCatalogEntry {
  readonly name: string;
  /** The TypeScript type its documents have (the schema is generated from it). */
  readonly type: string;
  readonly description: string;
  readonly indexes: readonly IndexSpec[];
  readonly schema: Readonly<Record<string, unknown>>;
}

/** Where the generated files live, relative to the repository root. */
export const READ_MODEL_DOCS_DIR = 'docs/read-models';
export const readModelSchemaFile = (name: string): string => `${name}.schema.json`;
