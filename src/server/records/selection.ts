import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { AccessGrant, RecordAction } from '../access/policy.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../metadata/define-object.ts';
import type { RecordsContext } from './context.ts';
import { grantFor, LIST_ALIAS, listConditions, objectOrThrow } from './reader.ts';

/**
 * The rows of a list, as a WHERE clause, for operations over a whole list (count, bulk
 * actions) rather than one page of it. The conditions are the reader's own
 * (`listConditions`), so "what the list shows" and "what the count counts / the bulk action
 * touches" agree.
 */
export interface SelectionRequest {
  filter?: unknown;
  q?: unknown;
  /** `only` selects the trash, as in the list. */
  deleted?: 'exclude' | 'only';
}

export interface CompiledSelection {
  definition: ObjectDefinition;
  grant: AccessGrant;
  /** Conditions over the table aliased `SELECTION_ALIAS`, all of which a row must meet. */
  conditions: RawBuilder<unknown>[];
  /**
   * False when the selection is simply "every live row": then the table's size estimate is
   * the selection's size. A filter, quick search, row scope or the trash narrow it.
   */
  narrowed: boolean;
}

/** The reader's alias for the listed table; filter subqueries use t1, t2… after it. */
export const SELECTION_ALIAS = LIST_ALIAS;

export async function compileSelection(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: SelectionRequest,
  /** The rights the selection is for: rows within all of them (a bulk edit: `bulk`, `update`). */
  rights: RecordAction[] = ['read'],
): Promise<CompiledSelection> {
  const definition = objectOrThrow(ctx, object);
  const grant = grantFor(ctx, actor, object, rights);
  const deleted = request.deleted ?? 'exclude';
  const list = await listConditions(ctx, actor, definition, grant, { ...request, deleted });
  return {
    definition,
    grant,
    conditions: list.conditions,
    narrowed: list.narrowed || grant.rows !== null || deleted === 'only',
  };
}

/** `FROM <table> AS t0 WHERE <selection>` for the caller's SELECT list. */
export function selectionSource(selection: CompiledSelection): RawBuilder<unknown> {
  return sql`FROM ${sql.table(selection.definition.table)} AS ${sql.raw(SELECTION_ALIAS)}
    WHERE ${sql.join(selection.conditions, sql` AND `)}`;
}

/** Narrows a selection to the given record ids, or to all but them. */
export function withIds(
  selection: CompiledSelection,
  ids: number[],
  mode: 'only' | 'except',
): CompiledSelection {
  if (mode === 'except' && ids.length === 0) return selection;
  const id = sql.ref(`${SELECTION_ALIAS}.id`);
  const condition =
    ids.length === 0
      ? sql`1 = 0`
      : sql`${id} ${sql.raw(mode === 'only' ? 'IN' : 'NOT IN')} (${sql.join(ids)})`;
  return { ...selection, conditions: [...selection.conditions, condition], narrowed: true };
}

/** Narrows a selection to the records after the given id (a background run's next batch). */
export function afterId(selection: CompiledSelection, id: number): CompiledSelection {
  const condition = sql`${sql.ref(`${SELECTION_ALIAS}.id`)} > ${id}`;
  return { ...selection, conditions: [...selection.conditions, condition], narrowed: true };
}

/** Ids of the selected rows in ascending order, at most `limit` of them. */
export async function selectedIds(
  executor: Executor,
  selection: CompiledSelection,
  limit: number,
): Promise<number[]> {
  const result = await sql<{ id: number }>`SELECT ${sql.ref(`${SELECTION_ALIAS}.id`)} AS id
    ${selectionSource(selection)}
    ORDER BY ${sql.ref(`${SELECTION_ALIAS}.id`)}
    LIMIT ${limit}`.execute(executor);
  return result.rows.map((row) => Number(row.id));
}
