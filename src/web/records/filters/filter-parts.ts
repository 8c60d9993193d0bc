import { type Filter, isLeaf } from '../../../shared/filter/types.ts';

/*
 * The parts of a list's filter shown as chips under the toolbar: the conditions of the top
 * level, each removable on its own. Pure, so the rules are unit-tested.
 */

export interface FilterParts {
  /** How the parts combine: a reader must see "any of" when that is what the filter says. */
  combinator: 'and' | 'or';
  parts: Filter[];
}

export function filterParts(filter: Filter | null): FilterParts {
  if (filter === null) return { combinator: 'and', parts: [] };
  if ('and' in filter) return { combinator: 'and', parts: filter.and };
  if ('or' in filter) return { combinator: 'or', parts: filter.or };
  return { combinator: 'and', parts: [filter] };
}

/** The filter without its `index`-th part; a lone remaining part stands on its own, none is no filter. */
export function withoutPart(filter: Filter | null, index: number): Filter | null {
  const { combinator, parts } = filterParts(filter);
  const rest = parts.filter((_, at) => at !== index);
  if (rest.length === 0) return null;
  if (rest.length === 1) return rest[0] ?? null;
  return combinator === 'or' ? { or: rest } : { and: rest };
}

/**
 * What a chip says for one part: a condition, "A or B" for a group of conditions, or a
 * summary for what the builder edits only as a whole (negations, deeper nesting).
 */
export type ChipContent =
  | { kind: 'condition'; leaf: Extract<Filter, { field: string }> }
  | { kind: 'group'; combinator: 'and' | 'or'; leaves: Array<Extract<Filter, { field: string }>> }
  | { kind: 'advanced' };

export function chipContent(part: Filter): ChipContent {
  if (isLeaf(part)) return { kind: 'condition', leaf: part };
  const combinator = 'and' in part ? 'and' : 'or' in part ? 'or' : null;
  const children = 'and' in part ? part.and : 'or' in part ? part.or : [];
  if (combinator && children.length > 0 && children.every(isLeaf)) {
    return { kind: 'group', combinator, leaves: children };
  }
  return { kind: 'advanced' };
}
