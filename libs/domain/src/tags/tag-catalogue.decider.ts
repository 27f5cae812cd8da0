import type { TagEvent } from '@practice/events';
import { assertNever, type Decider } from '../shared/decider';
import { DomainError, invalid } from '../shared/domain-error';
import { characterCount } from '../shared/unicode-text';

/**
 * A practice's tag catalogue (stream `tags-<practiceId>`). Names are unique within the practice,
 * case-insensitively. Clients hold tag ids, so a rename never touches a client.
 */
export interface TagCatalogueState {
  readonly practiceId: string | null;
  /** tag id -> current name, removed tags excluded. */
  readonly tags: Readonly<Record<string, string>>;
}

export interface DefineTag {
  readonly type: 'DefineTag';
  readonly practiceId: string;
  readonly tagId: string;
  readonly name: string;
}
export interface RenameTag {
  readonly type: 'RenameTag';
  readonly practiceId: string;
  readonly tagId: string;
  readonly name: string;
}
export interface RemoveTag {
  readonly type: 'RemoveTag';
  readonly practiceId: string;
  readonly tagId: string;
}
export type TagCatalogueCommand = DefineTag | RenameTag | RemoveTag;

export const tagNotFound = (): DomainError => new DomainError('TagNotFound', 'not_found', 'No such tag');

const assertTagName = (name: string): string => {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0) throw invalid('NameRequired', 'name', 'must not be empty');
  if (characterCount(trimmed) > 60) throw invalid('NameTooLong', 'name', 'must be at most 60 characters');
  return trimmed;
};

const assertNameFree = (state: TagCatalogueState, name: string, exceptTagId: string | null): void => {
  const taken = Object.entries(state.tags).some(([id, other]) => id !== exceptTagId && other.toLowerCase() === name.toLowerCase());
  if (taken) {
    throw new DomainError('TagNameTaken', 'conflict', 'The practice already has a tag with this name', [
      { field: 'name', message: 'is already the name of another tag' },
    ]);
  }
};

const defineTag = (command: DefineTag, state: TagCatalogueState): TagEvent[] => {
  if (state.tags[command.tagId] !== undefined) throw new DomainError('TagAlreadyExists', 'conflict', 'A tag with this id already exists');
  const name = assertTagName(command.name);
  assertNameFree(state, name, null);
  return [{ type: 'TagDefined', data: { practiceId: command.practiceId, tagId: command.tagId, name } }];
};

const renameTag = (command: RenameTag, state: TagCatalogueState): TagEvent[] => {
  const current = state.tags[command.tagId];
  if (current === undefined) throw tagNotFound();
  const name = assertTagName(command.name);
  if (name === current) return [];
  assertNameFree(state, name, command.tagId);
  return [{ type: 'TagRenamed', data: { practiceId: command.practiceId, tagId: command.tagId, name } }];
};

/** Removing a tag takes it off every client at once: a client's tag ids are resolved against the catalogue. */
const removeTag = (command: RemoveTag, state: TagCatalogueState): TagEvent[] => {
  if (state.tags[command.tagId] === undefined) throw tagNotFound();
  return [{ type: 'TagRemoved', data: { practiceId: command.practiceId, tagId: command.tagId } }];
};

export const decide = (command: TagCatalogueCommand, state: TagCatalogueState): TagEvent[] => {
  switch (command.type) {
    case 'DefineTag':
      return defineTag(command, state);
    case 'RenameTag':
      return renameTag(command, state);
    case 'RemoveTag':
      return removeTag(command, state);
    default:
      return assertNever(command);
  }
};

export const evolve = (state: TagCatalogueState, event: TagEvent): TagCatalogueState => {
  switch (event.type) {
    case 'TagDefined':
    case 'TagRenamed':
      return { practiceId: event.data.practiceId, tags: { ...state.tags, [event.data.tagId]: event.data.name } };
    case 'TagRemoved': {
      const { [event.data.tagId]: _removed, ...tags } = state.tags;
      return { ...state, tags };
    }
    default:
      return assertNever(event);
  }
};

export const initialState = (): TagCatalogueState => ({ practiceId: null, tags: {} });

export const tagCatalogueDecider: Decider<TagCatalogueCommand, TagCatalogueState, TagEvent> = { decide, evolve, initialState };
