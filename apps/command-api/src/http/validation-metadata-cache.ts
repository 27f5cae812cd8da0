import { getMetadataStorage } from 'class-validator';

/*
 * class-validator looks a class's rules up on every validation, and that lookup walks the rules of
 * every decorated class of the application (an `instanceof` per class, for inherited rules): in a
 * CPU profile of POST /clients it was the largest part of the validation pipe. The rules of a class
 * are fixed once its module is loaded, so the lookup is remembered per class and options; any rule
 * registered later (a class loaded late) forgets everything remembered. The rules and their checks
 * stay class-validator's own: only the lookup is cached.
 */
type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Grouped = ReturnType<Storage['groupByPropertyName']>;
type ValidationMetadata = ReturnType<Lookup>[number];

interface PerTarget {
  readonly plain: Map<string | undefined, ValidationMetadata[][]>;
  readonly grouped: Map<string, ValidationMetadata[]>;
}

let installed = false;

export const cacheValidationMetadata = (): void => {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  // Per class: without groups (every request DTO of the API), by schema and then by `always` and
  // `strictGroups` (four slots), with no key string made per lookup; with groups, by a key string.
  let lookups = new Map<unknown, PerTarget>();
  let groupings = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = (): void => {
    lookups = new Map();
    groupings = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let ofTarget = lookups.get(target);
    if (!ofTarget) lookups.set(target, (ofTarget = { plain: new Map(), grouped: new Map() }));
    if (groups === undefined) {
      let slots = ofTarget.plain.get(schema);
      if (!slots) ofTarget.plain.set(schema, (slots = []));
      const slot = (always ? 2 : 0) + (strictGroups ? 1 : 0);
      return (slots[slot] ??= lookup(target, schema, always, strictGroups, groups));
    }
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${JSON.stringify(groups)}`;
    let found = ofTarget.grouped.get(key);
    if (!found) ofTarget.grouped.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  // Asked right after the lookup, with the array it returned.
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidationMetadata(metadata);
  };
  const addConstraintMetadata = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraintMetadata(metadata);
  };
};
