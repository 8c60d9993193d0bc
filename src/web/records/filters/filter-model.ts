import { isReference, kindOf, operatorsFor as operatorsOfType } from '../../../shared/field-types/index.ts';
import { FILTER_LIMITS, OPERATORS, type Operator } from '../../../shared/filter/operators.ts';
import { type Filter, type FilterLeaf, type FilterValue, isLeaf } from '../../../shared/filter/types.ts';
import { type MetadataLookup, resolveFilter } from '../../../shared/filter/validate.ts';
import type { FieldMeta } from '../../../shared/metadata/types.ts';
import { factsOf } from '../field-types/facts.ts';
import { describePath, type FieldPathOption } from './field-paths.ts';

export {
  describePath,
  type FieldPathOption,
  fieldPathOptions,
  isInternalField,
  pathLabel,
} from './field-paths.ts';

/*
 * The filter builder's editable model and its conversion to and from the filter grammar.
 * Pure (no React, no network) so the rules are unit-tested against the real metadata.
 */

export type Combinator = 'and' | 'or';
export type DraftValue = FilterValue | FilterValue[] | undefined;

/**
 * One condition as the user edits it. A complete `FilterLeaf` is also a valid draft, so a
 * stored condition can be handed to `ConditionRow` as it is. Unfinished parts are empty:
 * `field: ''`, `op: null`, `value: null`, `[]` or `[from, null]`.
 */
export interface ConditionDraft {
  field: string;
  op: Operator | null;
  value?: DraftValue;
}

export interface ConditionNode {
  kind: 'condition';
  id: string;
  condition: ConditionDraft;
}
/** One level of nesting: "all of (A, any of (B, C))". */
export interface GroupNode {
  kind: 'group';
  id: string;
  combinator: Combinator;
  conditions: ConditionNode[];
}
/** A part of a filter the builder cannot edit (`not`, deeper nesting): kept as it is, removable. */
export interface OpaqueNode {
  kind: 'opaque';
  id: string;
  filter: Filter;
}
export type DraftNode = ConditionNode | GroupNode | OpaqueNode;

export interface FilterDraft {
  combinator: Combinator;
  nodes: DraftNode[];
}

let lastId = 0;
/** React keys for rows; unique within the page's lifetime is enough. */
export function newId(): string {
  lastId += 1;
  return `f${lastId}`;
}

export const EMPTY_CONDITION: ConditionDraft = { field: '', op: null, value: null };

export function conditionNode(condition: ConditionDraft = EMPTY_CONDITION): ConditionNode {
  return { kind: 'condition', id: newId(), condition };
}

export function groupNode(combinator: Combinator = 'or'): GroupNode {
  return { kind: 'group', id: newId(), combinator, conditions: [conditionNode()] };
}

// ---------------------------------------------------------------------------------------------
// Fields and relation paths

/** The operators a condition on the field offers. */
export function operatorsFor(field: FieldMeta): readonly Operator[] {
  return operatorsOfType(field.type);
}

function emptyValue(op: Operator): DraftValue {
  switch (OPERATORS[op]) {
    case 'none':
      return undefined;
    case 'list':
      return [];
    case 'range':
      return [null, null];
    default:
      return null;
  }
}

function isBlank(value: FilterValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The scalars a value holds, whatever its shape. */
function scalars(value: DraftValue): FilterValue[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => !isBlank(item));
}

/** Carries what the user typed across an operator change where it still makes sense. */
function convertValue(value: DraftValue, op: Operator): DraftValue {
  const kept = scalars(value);
  switch (OPERATORS[op]) {
    case 'single':
      return kept[0] ?? null;
    case 'list':
      return kept;
    case 'range':
      return [kept[0] ?? null, kept[1] ?? null];
    default:
      return emptyValue(op);
  }
}

export function changeOperator(condition: ConditionDraft, op: Operator): ConditionDraft {
  if (condition.op === op) return condition;
  const from = condition.op === null ? null : OPERATORS[condition.op];
  const to = OPERATORS[op];
  // A number of days is not a value of the field: it never turns into a date, nor back.
  const value =
    from === to
      ? condition.value
      : from === null || from === 'count' || to === 'count'
        ? emptyValue(op)
        : convertValue(condition.value, op);
  return { field: condition.field, op, value };
}

/**
 * A new field keeps the operator and value when they still fit: same type, and not a
 * reference (ids of one dictionary mean nothing in another).
 */
export function changeField(
  condition: ConditionDraft,
  next: FieldPathOption,
  previous?: FieldPathOption,
): ConditionDraft {
  const keep =
    previous !== undefined &&
    previous.field.type === next.field.type &&
    !isReference(next.field) &&
    condition.op !== null;
  if (keep) return { ...condition, field: next.path };
  const { defaultOperator: op, initialOperand } = factsOf(next.field);
  return { field: next.path, op, value: initialOperand ?? emptyValue(op) };
}

// ---------------------------------------------------------------------------------------------
// Draft → filter

/** Text is compared trimmed; dates and codes are as the inputs made them. */
function normalise(value: FilterValue, field: FieldMeta): FilterValue {
  return typeof value === 'string' && kindOf(field) === 'text' ? value.trim() : value;
}

/**
 * The condition as a grammar leaf, or null while it is incomplete or invalid: the list must
 * never query a half-typed filter. The shared validator has the last word.
 */
export function leafFromDraft(
  condition: ConditionDraft,
  rootObject: string,
  lookup: MetadataLookup,
): FilterLeaf | null {
  const { op } = condition;
  if (op === null) return null;
  const described = describePath(condition.field, rootObject, lookup);
  if (!described) return null;
  const { field } = described;
  if (!field.filterable || !operatorsFor(field).includes(op)) return null;
  const raw = condition.value;
  let leaf: FilterLeaf;
  switch (OPERATORS[op]) {
    case 'none':
      leaf = { field: condition.field, op };
      break;
    case 'count':
    case 'single': {
      if (Array.isArray(raw) || raw === undefined || isBlank(raw)) return null;
      leaf = { field: condition.field, op, value: normalise(raw, field) };
      break;
    }
    case 'list': {
      if (!Array.isArray(raw)) return null;
      const items = raw.filter((item) => !isBlank(item)).map((item) => normalise(item, field));
      if (items.length === 0) return null;
      leaf = { field: condition.field, op, value: [...new Set(items)] };
      break;
    }
    case 'range': {
      if (!Array.isArray(raw) || raw.length !== 2) return null;
      const [from, to] = raw;
      if (from === undefined || to === undefined || isBlank(from) || isBlank(to)) return null;
      leaf = { field: condition.field, op, value: [normalise(from, field), normalise(to, field)] };
      break;
    }
  }
  try {
    resolveFilter(leaf, rootObject, lookup);
    return leaf;
  } catch {
    return null;
  }
}

function combine(combinator: Combinator, children: Filter[]): Filter | null {
  if (children.length === 0) return null;
  if (children.length === 1) return children[0] ?? null;
  return combinator === 'and' ? { and: children } : { or: children };
}

function nodeFilter(node: DraftNode, rootObject: string, lookup: MetadataLookup): Filter | null {
  switch (node.kind) {
    case 'condition':
      return leafFromDraft(node.condition, rootObject, lookup);
    case 'group': {
      const leaves = node.conditions
        .map((child) => leafFromDraft(child.condition, rootObject, lookup))
        .filter((leaf) => leaf !== null);
      return combine(node.combinator, leaves);
    }
    case 'opaque':
      return node.filter;
  }
}

/** The filter the draft stands for, with incomplete conditions left out; null when empty. */
export function filterFromDraft(
  draft: FilterDraft,
  rootObject: string,
  lookup: MetadataLookup,
): Filter | null {
  const children = draft.nodes
    .map((node) => nodeFilter(node, rootObject, lookup))
    .filter((filter) => filter !== null);
  return combine(draft.combinator, children);
}

/** Started conditions (a field chosen) that `filterFromDraft` leaves out; blank rows do not count. */
export function countIncomplete(draft: FilterDraft, rootObject: string, lookup: MetadataLookup): number {
  const conditions = draft.nodes.flatMap((node) =>
    node.kind === 'condition' ? [node] : node.kind === 'group' ? node.conditions : [],
  );
  return conditions.filter(
    (node) => node.condition.field !== '' && leafFromDraft(node.condition, rootObject, lookup) === null,
  ).length;
}

// ---------------------------------------------------------------------------------------------
// Filter → draft

function toCondition(leaf: FilterLeaf): ConditionNode {
  return conditionNode({ field: leaf.field, op: leaf.op, value: leaf.value ?? emptyValue(leaf.op) });
}

function childrenOf(filter: Filter): { combinator: Combinator; children: Filter[] } | null {
  if ('and' in filter) return { combinator: 'and', children: filter.and };
  if ('or' in filter) return { combinator: 'or', children: filter.or };
  return null;
}

function toNode(filter: Filter): DraftNode {
  if (isLeaf(filter)) return toCondition(filter);
  const group = childrenOf(filter);
  if (group?.children.every(isLeaf)) {
    return {
      kind: 'group',
      id: newId(),
      combinator: group.combinator,
      conditions: group.children.map(toCondition),
    };
  }
  return { kind: 'opaque', id: newId(), filter };
}

/** The editable form of a filter; what the builder cannot edit is kept whole as opaque nodes. */
export function draftFromFilter(filter: Filter | null): FilterDraft {
  if (filter === null) return { combinator: 'and', nodes: [] };
  const top = childrenOf(filter);
  if (!top) return { combinator: 'and', nodes: [toNode(filter)] };
  return { combinator: top.combinator, nodes: top.children.map(toNode) };
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the list and the inputs

/** The number of conditions a filter applies: what the "Filter" button shows. */
export function countConditions(filter: Filter | null): number {
  if (filter === null) return 0;
  if (isLeaf(filter)) return 1;
  if ('not' in filter) return countConditions(filter.not);
  const group = childrenOf(filter);
  return group ? group.children.reduce((sum, child) => sum + countConditions(child), 0) : 0;
}

/** A stable text form to tell whether two filters are the same. */
export function filterKey(filter: Filter | null): string {
  return JSON.stringify(filter);
}

export const MAX_DAYS = FILTER_LIMITS.maxCount;
