import type { ProjectionDefinition } from './projection';
import { clientListProjection } from './clients/client-list.projection';
import { needsAttentionProjection } from './needs-attention/needs-attention.projection';
import { chartDocumentProjection } from './charts/chart-document.projection';

/** Every read model the projector maintains. */
export const allProjections: readonly ProjectionDefinition[] = [
  clientListProjection,
  needsAttentionProjection,
  chartDocumentProjection,
] as unknown as readonly ProjectionDefinition[];
