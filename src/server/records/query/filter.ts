import { type RawBuilder, sql } from 'kysely';
import { kindOf } from '../../../shared/field-types/registry.ts';
import { OPERATORS, type RelativeDateOperator } from '../../../shared/filter/operators.ts';
import { addDays, relativeDayRange, startOfDayUtc } from '../../../shared/filter/relative-dates.ts';
import type { FilterValue } from '../../../shared/filter/types.ts';
import type { ResolvedFilter, ResolvedLeaf } from '../../../shared/filter/validate.ts';
import { foldText } from '../../../shared/text/fold.ts';
import type { RowPredicate } from '../../access/row-scope.ts';
import type { Dialect } from '../../db/dialects/dialect.ts';
import type { FieldDefinition } from '../../metadata/define-object.ts';
import { serverType } from '../../metadata/field-types/registry.ts';
import type { MetadataRegistry } from '../../metadata/registry.ts';

export interface CompileContext {
  dialect: Dialect;
  registry: MetadataRegistry;
  /** The reader's calendar day and zone, for relative dates. */
  today: string;
  timeZone: string;
  nowIso: string;
  /** Subqueries need their own table aliases. */
  nextAlias: () => string;
  /**
   * The rows of an object the reader may read (null: all), for relation paths: a path only
   * reaches related records the reader can see. Absent for trusted compilation (tests).
   */
  rowsOf?: (object: string) => RowPredicate | null;
  /**
   * Check relation paths per row (EXISTS on the related record by its id) instead of as a
   * set of related ids: for a query that walks an index (the dialect's plan says).
   */
  correlate?: boolean;
  /**
   * In a budgeted walk, the walked row's id (`WALKED_ID`) for the table under `alias`: a set of
   * ids checked on it (the trigram matches of `contains`) lets a row through before it is read,
   * where a LIKE alone would read and fold every row the walk meets.
   */
  walkedId?: { alias: string; column: string };
}

type Predicate = RawBuilder<unknown>;

const TRUE = sql`1 = 1`;
const FALSE = sql`1 = 0`;

/**
 * Compiles a resolved filter into a WHERE predicate over `alias`. Negations are pushed down
 * to the leaves (negation normal form) and every leaf has an explicit negative form, so a
 * NULL column never turns `not` into "unknown": `not (city = 'Łódź')` includes rows with no
 * city, exactly as the in-memory evaluator says.
 */
export function compileFilter(
  filter: ResolvedFilter,
  alias: string,
  ctx: CompileContext,
  negated = false,
): Predicate {
  switch (filter.kind) {
    case 'and':
    case 'or': {
      const parts = filter.children.map((child) => compileFilter(child, alias, ctx, negated));
      const conjunction = (filter.kind === 'and') !== negated ? ' AND ' : ' OR ';
      return sql`(${sql.join(parts, sql.raw(conjunction))})`;
    }
    case 'not':
      return compileFilter(filter.child, alias, ctx, !negated);
    case 'leaf':
      return compileLeaf(filter, 0, alias, ctx, negated);
  }
}

function definitionOf(ctx: CompileContext, objectKey: string) {
  const definition = ctx.registry.get(objectKey);
  if (!definition) throw new Error(`unknown object ${objectKey}`);
  return definition;
}

function compileLeaf(
  leaf: ResolvedLeaf,
  stepIndex: number,
  alias: string,
  ctx: CompileContext,
  negated: boolean,
): Predicate {
  const step = leaf.steps[stepIndex];
  if (!step) {
    const field = definitionOf(ctx, leaf.object).field(leaf.field.key);
    if (!field) throw new Error(`unknown field ${leaf.object}.${leaf.field.key}`);
    return compileCondition(field, leaf, alias, ctx, negated);
  }
  // A hop through a relation: "the related record exists and meets the rest of the path".
  const { via, matching, alias: inner, where } = pathTargets(leaf, stepIndex, ctx);
  if (ctx.correlate && !via.through) {
    // A scalar subquery on the related record's id, not EXISTS: SQLite turns an EXISTS into a
    // join and may first build a Bloom filter of every matching related row (all companies of
    // a city, read without their index), which is the cost this form exists to avoid.
    const column = sql.ref(`${alias}.${via.column}`);
    const found = sql`(SELECT 1 ${where} AND ${sql.ref(`${inner}.id`)} = ${column})`;
    return negated ? sql`${found} IS NULL` : sql`${found} IS NOT NULL`;
  }
  if (via.through) {
    const ids = membersMatching(via, sql`IN (${matching})`, ctx);
    return sql`${sql.ref(`${alias}.id`)} ${sql.raw(negated ? 'NOT IN' : 'IN')} (${ids})`;
  }
  const column = sql.ref(`${alias}.${via.column}`);
  return negated
    ? sql`(${column} IS NULL OR ${column} NOT IN (${matching}))`
    : sql`${column} IN (${matching})`;
}

/**
 * The ids of the related records a path's hop at `stepIndex` reaches (live, readable, meeting
 * the rest of the path), and the field it hops through. The list planner counts them to tell a
 * selective path ("people of companies in Gniezno") from a broad one.
 */
export function pathTargets(
  leaf: ResolvedLeaf,
  stepIndex: number,
  ctx: CompileContext,
): {
  via: FieldDefinition;
  matching: Predicate;
  /** The related table's alias and `FROM … WHERE …` reaching those records, to add a condition to. */
  alias: string;
  where: Predicate;
} {
  const step = leaf.steps[stepIndex];
  if (!step) throw new Error(`${leaf.field.key} has no step ${stepIndex}`);
  const source = definitionOf(ctx, step.object);
  const via = source.field(step.field.key);
  const target = definitionOf(ctx, step.field.target ?? '');
  if (!via) throw new Error(`unknown field ${step.object}.${step.field.key}`);
  const inner = ctx.nextAlias();
  const rest = compileLeaf(leaf, stepIndex + 1, inner, ctx, false);
  const visible = ctx.rowsOf?.(target.key);
  const scope = visible ? sql` AND ${visible(inner)}` : sql``;
  const where = sql`FROM ${sql.table(target.table)} AS ${sql.raw(inner)}
    WHERE ${rest} AND ${sql.ref(`${inner}.deleted_at`)} IS NULL${scope}`;
  return { via, matching: sql`SELECT ${sql.ref(`${inner}.id`)} ${where}`, alias: inner, where };
}

/** Ids of source records that have a member matching `targetCondition` (or any member when omitted). */
function membersMatching(field: FieldDefinition, targetCondition: Predicate | null, ctx: CompileContext) {
  const through = field.through;
  if (!through) throw new Error(`${field.key} is not a membership`);
  const m = ctx.nextAlias();
  const where = targetCondition
    ? sql` WHERE ${sql.ref(`${m}.${through.targetColumn}`)} ${targetCondition}`
    : sql``;
  return sql`SELECT ${sql.ref(`${m}.${through.sourceColumn}`)} FROM ${sql.table(through.table)} AS ${sql.raw(m)}${where}`;
}

function encode(field: FieldDefinition, value: FilterValue, ctx: CompileContext): unknown {
  return serverType(field).encodeOperand(value, ctx.dialect, field);
}

function likePattern(value: string, op: 'contains' | 'startsWith' | 'endsWith'): string {
  const escaped = foldText(value).replace(/[\\%_]/g, (c) => `\\${c}`);
  if (op === 'startsWith') return `${escaped}%`;
  if (op === 'endsWith') return `%${escaped}`;
  return `%${escaped}%`;
}

/**
 * The ids a trigram index finds for `contains` on a `containsIndexes` field, where the dialect
 * must be told to use it (the LIKE stays: it is what the filter means).
 */
export function containsIds(
  leaf: ResolvedLeaf,
  field: FieldDefinition,
  value: string,
  ctx: CompileContext,
): Predicate | null {
  const definition = definitionOf(ctx, leaf.object);
  if (!definition.containsIndexes.includes(field.key)) return null;
  return ctx.dialect.containsIds(`${definition.table}_contains_${field.column}`, foldText(value));
}

/** The field's folded text: its stored `<column>_folded` where the dialect keeps one, else folded here. */
function foldedText(field: FieldDefinition, leaf: ResolvedLeaf, alias: string, ctx: CompileContext) {
  const stored =
    ctx.dialect.foldedColumns && definitionOf(ctx, leaf.object).containsIndexes.includes(field.key);
  return stored
    ? sql.ref(`${alias}.${field.column}_folded`)
    : ctx.dialect.folded(sql.ref(`${alias}.${field.column}`));
}

/** A condition on one field of the current table; `negated` gives its exact complement. */
function compileCondition(
  field: FieldDefinition,
  leaf: ResolvedLeaf,
  alias: string,
  ctx: CompileContext,
  negated: boolean,
): Predicate {
  const { op, value } = leaf;
  if (field.through) return compileMembership(field, leaf, alias, ctx, negated);
  const column = sql.ref(`${alias}.${field.column}`);
  // The complement of a comparison also admits rows where the column is NULL.
  const complement = (positive: Predicate) =>
    negated ? sql`(${column} IS NULL OR NOT (${positive}))` : positive;
  switch (op) {
    case 'eq':
      return complement(sql`${column} = ${encode(field, value as FilterValue, ctx)}`);
    case 'neq':
      return compileCondition(field, { ...leaf, op: 'eq' }, alias, ctx, !negated);
    case 'in':
      return complement(
        ctx.dialect.inList(
          column,
          (value as FilterValue[]).map((v) => encode(field, v, ctx)),
        ),
      );
    case 'notIn':
      return compileCondition(field, { ...leaf, op: 'in' }, alias, ctx, !negated);
    case 'lt':
      return complement(sql`${column} < ${encode(field, value as FilterValue, ctx)}`);
    case 'lte':
      return complement(sql`${column} <= ${encode(field, value as FilterValue, ctx)}`);
    case 'gt':
      return complement(sql`${column} > ${encode(field, value as FilterValue, ctx)}`);
    case 'gte':
      return complement(sql`${column} >= ${encode(field, value as FilterValue, ctx)}`);
    case 'between': {
      const [from, to] = (value as FilterValue[]).map((v) => encode(field, v, ctx));
      return complement(sql`(${column} >= ${from} AND ${column} <= ${to})`);
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith': {
      const like = sql`${foldedText(field, leaf, alias, ctx)} LIKE ${likePattern(String(value), op)} ESCAPE '\\'`;
      // Checked row by row (correlated), the LIKE on each row met is all it takes, unless the
      // row is one a walk has not read yet.
      const walked = ctx.walkedId?.alias === alias ? ctx.walkedId.column : null;
      const ids =
        op === 'contains' && !negated && (!ctx.correlate || walked)
          ? containsIds(leaf, field, String(value), ctx)
          : null;
      return ids ? sql`(${sql.ref(walked ?? `${alias}.id`)} IN (${ids}) AND ${like})` : complement(like);
    }
    case 'notContains':
      return compileCondition(field, { ...leaf, op: 'contains' }, alias, ctx, !negated);
    case 'isEmpty': {
      const textual = kindOf(field) === 'text';
      const empty = textual ? sql`(${column} IS NULL OR ${column} = '')` : sql`${column} IS NULL`;
      const filled = textual ? sql`(${column} IS NOT NULL AND ${column} <> '')` : sql`${column} IS NOT NULL`;
      return negated ? filled : empty;
    }
    case 'isNotEmpty':
      return compileCondition(field, { ...leaf, op: 'isEmpty' }, alias, ctx, !negated);
    default:
      return complement(relativeDate(field, op, value, column, ctx));
  }
}

function relativeDate(
  field: FieldDefinition,
  op: RelativeDateOperator,
  value: unknown,
  column: RawBuilder<unknown> | ReturnType<typeof sql.ref>,
  ctx: CompileContext,
): Predicate {
  if (OPERATORS[op] === undefined) throw new Error(`unknown operator ${op}`);
  const instant = kindOf(field) === 'instant';
  if (op === 'overdue' && instant) return sql`${column} < ${ctx.nowIso}`;
  const range = relativeDayRange(op, ctx.today, typeof value === 'number' ? value : 1);
  const bounds: Predicate[] = [];
  if (instant) {
    if (range.from) bounds.push(sql`${column} >= ${startOfDayUtc(range.from, ctx.timeZone)}`);
    if (range.to) bounds.push(sql`${column} < ${startOfDayUtc(addDays(range.to, 1), ctx.timeZone)}`);
  } else {
    if (range.from) bounds.push(sql`${column} >= ${range.from}`);
    if (range.to) bounds.push(sql`${column} <= ${range.to}`);
  }
  return bounds.length === 0 ? TRUE : sql`(${sql.join(bounds, sql` AND `)})`;
}

function compileMembership(
  field: FieldDefinition,
  leaf: ResolvedLeaf,
  alias: string,
  ctx: CompileContext,
  negated: boolean,
): Predicate {
  const id = sql.ref(`${alias}.id`);
  switch (leaf.op) {
    case 'in': {
      const ids = (leaf.value as FilterValue[]).map((v) => v);
      const members = membersMatching(field, sql`IN (${sql.join(ids)})`, ctx);
      return sql`${id} ${sql.raw(negated ? 'NOT IN' : 'IN')} (${members})`;
    }
    case 'notIn':
      return compileMembership(field, { ...leaf, op: 'in' }, alias, ctx, !negated);
    case 'isEmpty':
      return sql`${id} ${sql.raw(negated ? 'IN' : 'NOT IN')} (${membersMatching(field, null, ctx)})`;
    case 'isNotEmpty':
      return compileMembership(field, { ...leaf, op: 'isEmpty' }, alias, ctx, !negated);
    default:
      return FALSE;
  }
}
