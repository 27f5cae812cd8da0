import { allProjections } from '../all-projections';
import type { ProjectionDefinition } from '../projection';
import { projectionsVersion } from './projections-version';

describe('projectionsVersion', () => {
  it('is the same for the same projections and sources', () => {
    expect(projectionsVersion(allProjections)).toBe(projectionsVersion(allProjections));
    expect(projectionsVersion(allProjections)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with a projection added, removed, or an index or event type changed', () => {
    const now = projectionsVersion(allProjections);
    const [first, ...rest] = allProjections;
    const reindexed: ProjectionDefinition = { ...first, indexes: [...first.indexes, { name: 'extra', keys: { extra: 1 } }] };
    const retyped: ProjectionDefinition = { ...first, eventTypes: [...first.eventTypes, 'SomethingHappened'] };
    const versions = [now, projectionsVersion(rest), projectionsVersion([reindexed, ...rest]), projectionsVersion([retyped, ...rest])];
    expect(new Set(versions).size).toBe(4);
  });
});
