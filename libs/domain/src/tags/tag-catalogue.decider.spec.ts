import { deciderSpec } from '../../../../test/support/decider-spec';
import type { TagEvent } from '@practice/events';
import { tagCatalogueDecider } from './tag-catalogue.decider';

const spec = deciderSpec(tagCatalogueDecider);
const practiceId = 'p-1';
const defined: TagEvent = { type: 'TagDefined', data: { practiceId, tagId: 't-1', name: 'Depression' } };

describe('Tag catalogue decider', () => {
  describe('when the catalogue is empty', () => {
    it('defines a tag with a tidy name', () => {
      spec.given([]).when({ type: 'DefineTag', practiceId, tagId: 't-1', name: '  Depression ' }).then([defined]);
    });

    it('refuses a blank or too long name', () => {
      spec.given([]).when({ type: 'DefineTag', practiceId, tagId: 't-1', name: ' ' }).thenThrows('NameRequired', 'name');
      spec.given([]).when({ type: 'DefineTag', practiceId, tagId: 't-1', name: 'x'.repeat(61) }).thenThrows('NameTooLong', 'name');
    });

    it('has nothing to rename or remove', () => {
      spec.given([]).when({ type: 'RenameTag', practiceId, tagId: 't-1', name: 'X' }).thenThrows('TagNotFound');
      spec.given([]).when({ type: 'RemoveTag', practiceId, tagId: 't-1' }).thenThrows('TagNotFound');
    });
  });

  describe('when a tag is defined', () => {
    it('refuses another tag of the same name in any letter case', () => {
      spec.given([defined]).when({ type: 'DefineTag', practiceId, tagId: 't-2', name: 'DEPRESSION' }).thenThrows('TagNameTaken', 'name');
    });

    it('renames it; the same name changes nothing; a taken name is refused', () => {
      spec.given([defined]).when({ type: 'RenameTag', practiceId, tagId: 't-1', name: 'Low mood' }).then([{ type: 'TagRenamed', data: { practiceId, tagId: 't-1', name: 'Low mood' } }]);
      spec.given([defined]).when({ type: 'RenameTag', practiceId, tagId: 't-1', name: 'Depression' }).then([]);
      const other: TagEvent = { type: 'TagDefined', data: { practiceId, tagId: 't-2', name: 'EMDR' } };
      spec.given([defined, other]).when({ type: 'RenameTag', practiceId, tagId: 't-1', name: 'emdr' }).thenThrows('TagNameTaken');
    });

    it('removes it, and its name is free again', () => {
      const removed: TagEvent = { type: 'TagRemoved', data: { practiceId, tagId: 't-1' } };
      spec.given([defined]).when({ type: 'RemoveTag', practiceId, tagId: 't-1' }).then([removed]);
      spec.given([defined, removed]).when({ type: 'DefineTag', practiceId, tagId: 't-2', name: 'Depression' }).then([{ type: 'TagDefined', data: { practiceId, tagId: 't-2', name: 'Depression' } }]);
    });
  });
});
