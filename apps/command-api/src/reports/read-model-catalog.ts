import type { ReadModelCatalogEntry } from '@practice/read-models';
// Generated from the read models' TypeScript types by `npm run read-models:schemas` (a spec keeps it current).
import catalog from '../../../../docs/read-models/read-models.json';

export const readModelCatalog = catalog as unknown as readonly ReadModelCatalogEntry[];
