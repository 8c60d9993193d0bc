import { isOperandProblem } from '../field-types/kinds.ts';
import { isReference, operatorsFor, traitsOf } from '../field-types/registry.ts';
import type { FieldMeta, ObjectMeta } from '../metadata/types.ts';
import { ILL_FORMED_TEXT_MESSAGE, isIllFormedText } from '../text/well-formed.ts';
import { FILTER_LIMITS, OPERATORS, type Operator } from './operators.ts';
import type { FilterValue } from './types.ts';

/** A filter problem, with the JSON path where it is, e.g. `filter.and[1].field`. */
export class FilterError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'FilterError';
  }
}

/** One hop through a relation: from `object` over `field` to `field.target`. */
export interface PathStep {
  object: string;
  field: FieldMeta;
}

export type ResolvedFilter =
  | { kind: 'and' | 'or'; children: ResolvedFilter[] }
  | { kind: 'not'; child: ResolvedFilter }
  | ResolvedLeaf;

export interface ResolvedLeaf {
  kind: 'leaf';
  /** Relations walked before the leaf field, outermost first. */
  steps: PathStep[];
  /** The object the leaf field belongs to. */
  object: string;
  field: FieldMeta;
  op: Operator;
  /** Normalised value: numbers, booleans, strings; lists for in/notIn, [from, to] for between. */
  value: FilterValue | FilterValue[] | undefined;
}

export type MetadataLookup = (objectKey: string) => ObjectMeta | undefined;

/**
 * Checks a filter from the wire against metadata and returns it resolved. Every field
 * name must exist in the metadata and every value must fit its field, so nothing from a
 * request can reach SQL except as a bound parameter.
 */
export function resolveFilter(input: unknown, objectKey: string, lookup: MetadataLookup): ResolvedFilter {
  const counter = { nodes: 0 };
  return resolveNode(input, objectKey, lookup, 'filter', 1, counter);
}

function resolveNode(
  input: unknown,
  objectKey: string,
  lookup: MetadataLookup,
  path: string,
  depth: number,
  counter: { nodes: number },
): ResolvedFilter {
  if (depth > FILTER_LIMITS.maxDepth) {
    throw new FilterError(path, `filter is nested too deeply (at most ${FILTER_LIMITS.maxDepth} levels)`);
  }
  counter.nodes += 1;
  if (counter.nodes > FILTER_LIMITS.maxNodes) {
    throw new FilterError(path, `filter has too many conditions (at most ${FILTER_LIMITS.maxNodes})`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FilterError(path, 'must be an object: a condition {field, op, value} or a group {and|or|not}');
  }
  const node = input as Record<string, unknown>;
  const keys = Object.keys(node);
  if ('and' in node || 'or' in node) {
    const kind = 'and' in node ? 'and' : 'or';
    if (keys.length !== 1) throw new FilterError(path, `a group has only the key "${kind}"`);
    const children = node[kind];
    if (!Array.isArray(children) || children.length === 0) {
      throw new FilterError(`${path}.${kind}`, 'must be a non-empty array of filters');
    }
    return {
      kind,
      children: children.map((child, index) =>
        resolveNode(child, objectKey, lookup, `${path}.${kind}[${index}]`, depth + 1, counter),
      ),
    };
  }
  if ('not' in node) {
    if (keys.length !== 1) throw new FilterError(path, 'a group has only the key "not"');
    return {
      kind: 'not',
      child: resolveNode(node.not, objectKey, lookup, `${path}.not`, depth + 1, counter),
    };
  }
  const unknownKey = keys.find((key) => key !== 'field' && key !== 'op' && key !== 'value');
  if (unknownKey !== undefined) throw new FilterError(path, `unknown key "${unknownKey}"`);
  return resolveLeaf(node, objectKey, lookup, path);
}

function resolveLeaf(
  node: Record<string, unknown>,
  rootObject: string,
  lookup: MetadataLookup,
  path: string,
): ResolvedLeaf {
  if (typeof node.field !== 'string' || node.field === '') {
    throw new FilterError(`${path}.field`, 'must be a field name');
  }
  const { steps, object, field } = resolveFieldPath(node.field, rootObject, lookup, `${path}.field`);
  if (!field.filterable) throw new FilterError(`${path}.field`, `field "${node.field}" cannot be filtered`);
  if (typeof node.op !== 'string' || !Object.hasOwn(OPERATORS, node.op)) {
    throw new FilterError(`${path}.op`, `unknown operator ${JSON.stringify(node.op)}`);
  }
  const op = node.op as Operator;
  if (!operatorsFor(field.type).includes(op)) {
    throw new FilterError(
      `${path}.op`,
      `operator "${op}" does not apply to ${field.type} field "${node.field}" (use one of: ${operatorsFor(field.type).join(', ')})`,
    );
  }
  const value = resolveValue(node.value, field, op, `${path}.value`);
  return { kind: 'leaf', steps, object, field, op, value };
}

/** Resolves `company.industry.code` into relation hops and the final field. */
export function resolveFieldPath(
  dotted: string,
  rootObject: string,
  lookup: MetadataLookup,
  path: string,
): { steps: PathStep[]; object: string; field: FieldMeta } {
  const names = dotted.split('.');
  if (names.length > 4) throw new FilterError(path, 'a field path has at most 4 parts');
  const steps: PathStep[] = [];
  let object = rootObject;
  for (const [index, name] of names.entries()) {
    const meta = lookup(object);
    const field = meta?.fields.find((f) => f.key === name);
    if (!meta || !field) throw new FilterError(path, `unknown field "${dotted}" on ${rootObject}`);
    if (index === names.length - 1) return { steps, object, field };
    if (!isReference(field) || !field.target) {
      throw new FilterError(path, `"${name}" in "${dotted}" is not a relation`);
    }
    steps.push({ object, field });
    object = field.target;
  }
  throw new FilterError(path, `unknown field "${dotted}"`);
}

function resolveValue(
  raw: unknown,
  field: FieldMeta,
  op: Operator,
  path: string,
): FilterValue | FilterValue[] | undefined {
  switch (OPERATORS[op]) {
    case 'none':
      if (raw !== undefined && raw !== null) throw new FilterError(path, `operator "${op}" takes no value`);
      return undefined;
    case 'count': {
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > FILTER_LIMITS.maxCount) {
        throw new FilterError(path, `must be a whole number of days from 1 to ${FILTER_LIMITS.maxCount}`);
      }
      return raw;
    }
    case 'list': {
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > FILTER_LIMITS.maxListLength) {
        throw new FilterError(path, `must be a list of 1 to ${FILTER_LIMITS.maxListLength} values`);
      }
      return raw.map((item, index) => scalarValue(item, field, `${path}[${index}]`));
    }
    case 'range': {
      if (!Array.isArray(raw) || raw.length !== 2) throw new FilterError(path, 'must be a list [from, to]');
      return [scalarValue(raw[0], field, `${path}[0]`), scalarValue(raw[1], field, `${path}[1]`)];
    }
    case 'single':
      return scalarValue(raw, field, path);
  }
}

function scalarValue(raw: unknown, field: FieldMeta, path: string): FilterValue {
  // Whatever the type: such text matches nothing, and PostgreSQL refuses it as a parameter.
  if (typeof raw === 'string' && isIllFormedText(raw)) throw new FilterError(path, ILL_FORMED_TEXT_MESSAGE);
  const operand = traitsOf(field.type).operand(raw, field);
  if (isOperandProblem(operand)) throw new FilterError(path, operand.problem);
  return operand;
}
