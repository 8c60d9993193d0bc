import { type RawBuilder, sql } from 'kysely';
import { todayIn } from '../../shared/filter/relative-dates.ts';
import { FilterError, type ResolvedFilter, resolveFilter } from '../../shared/filter/validate.ts';
import { searchTokens } from '../../shared/text/fold.ts';
import type { Actor } from '../access/actor.ts';
import { type AccessGrant, authorize } from '../access/policy.ts';
import type { Executor, ListPlan } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { executorOf, type RecordsContext } from './context.ts';
import { type ApiRecord, attachExpansions, attachMemberships, decodeRow } from './present.ts';
import { type CompileContext, compileFilter } from './query/filter.ts';
import { afterCursor, decodeCursor, encodeCursor, pageSize } from './query/page.ts';
import { compileSort, orderBy } from './query/sort.ts';

export interface ListRequest {
  filter?: unknown;
  sort?: unknown;
  fields?: unknown;
  expand?: unknown;
  limit?: unknown;
  cursor?: unknown;
  q?: unknown;
  /** `only` lists the trash. */
  deleted?: 'exclude' | 'only';
}

export interface ListResult {
  items: ApiRecord[];
  nextCursor: string | null;
}

const ROOT = 't0';
const MAX_QUICK_SEARCH = 200;

export function objectOrThrow(ctx: RecordsContext, object: string): ObjectDefinition {
  const definition = ctx.registry.get(object);
  if (!definition) throw errors.notFound(`Unknown object "${object}"`);
  return definition;
}

export function compileContext(ctx: RecordsContext, actor: Actor): CompileContext {
  let aliases = 0;
  const now = ctx.now();
  return {
    dialect: ctx.dialect,
    registry: ctx.registry,
    today: todayIn(actor.timeZone, now),
    timeZone: actor.timeZone,
    nowIso: now.toISOString(),
    nextAlias: () => `t${++aliases}`,
  };
}

/** Checks `fields` and `expand`: only fields of the object that the actor may see. */
export function projection(
  definition: ObjectDefinition,
  grant: AccessGrant,
  fieldsInput: unknown,
  expandInput: unknown,
): { fields: FieldDefinition[]; expand: FieldDefinition[] } {
  const visible = definition.fields.filter((f) => !grant.hiddenFields.has(f.key));
  const pick = (input: unknown, name: string): FieldDefinition[] | null => {
    if (input === undefined || input === null) return null;
    const keys = typeof input === 'string' ? input.split(',').filter(Boolean) : input;
    if (!Array.isArray(keys) || keys.length > 200 || !keys.every((k) => typeof k === 'string')) {
      throw errors.badRequest(`${name} must be a list of field names`);
    }
    return keys.map((key) => {
      const field = visible.find((f) => f.key === key);
      if (!field)
        throw errors.badRequest(`${name}: unknown field ${JSON.stringify(key)} on ${definition.key}`);
      return field;
    });
  };
  const expand = pick(expandInput, 'expand') ?? [];
  for (const field of expand) {
    if (!field.target) throw errors.badRequest(`expand: "${field.key}" is not a relation`);
  }
  const fields = pick(fieldsInput, 'fields') ?? visible;
  const always = visible.filter((f) => f.key === 'id' || f.key === 'version');
  return { fields: [...new Set([...always, ...fields, ...expand])], expand };
}

function resolve(ctx: RecordsContext, definition: ObjectDefinition, input: unknown): ResolvedFilter {
  try {
    return resolveFilter(input, definition.key, ctx.registry.lookup);
  } catch (error) {
    if (error instanceof FilterError) throw errors.badRequest(error.message, { path: error.path });
    throw error;
  }
}

/** The table alias of every list query; filter subqueries use t1, t2… after it. */
export const LIST_ALIAS = ROOT;

export interface ListConditions {
  /** All of these hold for a row of the list (over the table aliased LIST_ALIAS). */
  conditions: RawBuilder<unknown>[];
  /** The request's filter, resolved against metadata (null without one). */
  filter: ResolvedFilter | null;
  /** Whether a filter or quick search narrows the list (counts use it for estimates). */
  narrowed: boolean;
}

/**
 * Which rows a list holds: not in the trash (unless asked for the trash), inside the actor's
 * row scope for `grant`, matching the filter and the quick search. One definition for the
 * list, its count, its export and bulk actions over it, so they always agree.
 */
export function listConditions(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  request: { filter?: unknown; q?: unknown; deleted?: 'exclude' | 'only' },
): ListConditions {
  const compile = compileContext(ctx, actor);
  const conditions: RawBuilder<unknown>[] = [
    request.deleted === 'only'
      ? sql`${sql.ref(`${ROOT}.deleted_at`)} IS NOT NULL`
      : sql`${sql.ref(`${ROOT}.deleted_at`)} IS NULL`,
  ];
  if (grant.rowScope) conditions.push(compileFilter(grant.rowScope, ROOT, compile));
  const filter =
    request.filter === undefined || request.filter === null ? null : resolve(ctx, definition, request.filter);
  if (filter) conditions.push(compileFilter(filter, ROOT, compile));
  const hasQuery = request.q !== undefined && request.q !== null && request.q !== '';
  if (hasQuery) {
    if (typeof request.q !== 'string' || request.q.length > MAX_QUICK_SEARCH) {
      throw errors.badRequest(`q must be text of at most ${MAX_QUICK_SEARCH} characters`);
    }
    conditions.push(quickSearch(ctx, definition, request.q));
  }
  return { conditions, filter, narrowed: filter !== null || hasQuery };
}

export async function listRecords(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: ListRequest,
): Promise<ListResult> {
  const definition = objectOrThrow(ctx, object);
  const grant = authorize(actor, object, 'read');
  const { fields, expand } = projection(definition, grant, request.fields, request.expand);
  const sort = compileSort(definition, request.sort, actor.locale, grant.hiddenFields);
  const limit = pageSize(request.limit);
  const deleted = request.deleted ?? 'exclude';
  const { conditions, filter } = listConditions(ctx, actor, definition, grant, { ...request, deleted });
  if (request.cursor !== undefined && request.cursor !== null && request.cursor !== '') {
    if (typeof request.cursor !== 'string') throw errors.badRequest('cursor must be a string');
    conditions.push(afterCursor(sort, decodeCursor(sort, request.cursor), ROOT, ctx.dialect));
  }
  const columns = new Set([
    'id',
    ...fields.flatMap((f) => (f.column ? [f.column] : [])),
    ...sort.keys.map((k) => k.column),
  ]);
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join([...columns].map((c) => sql.ref(`${ROOT}.${c}`)))}
    FROM ${await ctx.dialect.listSource(definition.table, ROOT, {
      // Partial sort indexes hold live rows only.
      sortIndex: deleted === 'exclude' ? sort.index : null,
      equalities: topLevelEqualities(definition, [filter, grant.rowScope]),
    })}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${orderBy(sort, ROOT, ctx.dialect)}
    LIMIT ${limit + 1}`.execute(executorOf(ctx));
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor = result.rows.length > limit && last ? encodeCursor(sort, last) : null;
  const items = await present(ctx, executorOf(ctx), actor, fields, expand, rows);
  return { items, nextCursor };
}

/** Equality conditions every row must meet (top level of the filter), for the planner. */
function topLevelEqualities(
  definition: ObjectDefinition,
  filters: Array<ResolvedFilter | null>,
): ListPlan['equalities'] {
  const found: ListPlan['equalities'] = [];
  const visit = (filter: ResolvedFilter | null) => {
    if (!filter) return;
    if (filter.kind === 'and') filter.children.forEach(visit);
    if (filter.kind !== 'leaf' || filter.steps.length > 0 || filter.field.type === 'multiRelation') return;
    const column = definition.field(filter.field.key)?.column;
    if (!column) return;
    if (filter.op === 'eq') found.push({ column, values: 1 });
    if (filter.op === 'in' && Array.isArray(filter.value))
      found.push({ column, values: filter.value.length });
  };
  filters.forEach(visit);
  return found;
}

/** Quick search in a list: the search index where the object has one, else its title fields. */
function quickSearch(ctx: RecordsContext, definition: ObjectDefinition, q: string): RawBuilder<unknown> {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return sql`1 = 1`;
  if (definition.searchFields.length > 0) {
    return sql`${sql.ref(`${ROOT}.id`)} IN (${ctx.dialect.searchIds(definition.key, tokens)})`;
  }
  const titleColumns = definition.titleFields.map((key) => definition.field(key)?.column ?? key);
  const perToken = tokens.map((token) => {
    const pattern = `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const anyColumn = titleColumns.map(
      (column) => sql`${ctx.dialect.folded(sql.ref(`${ROOT}.${column}`))} LIKE ${pattern} ESCAPE '\\'`,
    );
    return sql`(${sql.join(anyColumn, sql` OR `)})`;
  });
  return sql`(${sql.join(perToken, sql` AND `)})`;
}

export async function present(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  fields: FieldDefinition[],
  expand: FieldDefinition[],
  rows: Record<string, unknown>[],
): Promise<ApiRecord[]> {
  const items = rows.map((row) => decodeRow(fields, row, ctx.dialect));
  await attachMemberships(executor, fields, items);
  await attachExpansions(executor, ctx.registry, expand, items, actor.locale);
  return items;
}

/** Reads one row as stored (any state), or undefined; for the writer and for `getRecord`. */
export async function loadRow(
  executor: Executor,
  definition: ObjectDefinition,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  return executor.selectFrom(definition.table).selectAll().where('id', '=', id).executeTakeFirst();
}

export function checkId(raw: unknown): number {
  const id = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw errors.badRequest('The record id must be a positive whole number');
  }
  return id;
}

export async function getRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  options: { fields?: unknown; expand?: unknown; includeDeleted?: boolean } = {},
): Promise<ApiRecord> {
  const definition = objectOrThrow(ctx, object);
  const id = checkId(rawId);
  const grant = authorize(actor, object, 'read');
  const { fields, expand } = projection(definition, grant, options.fields, options.expand);
  const row = await loadRow(executorOf(ctx), definition, id);
  if (!row || (row.deleted_at && !options.includeDeleted)) {
    throw errors.notFound(`${definition.key} ${id} does not exist or was deleted`);
  }
  if (grant.rowScope) await assertInScope(ctx, actor, definition, grant, id);
  const [item] = await present(ctx, executorOf(ctx), actor, fields, expand, [row]);
  if (!item) throw errors.notFound(`${definition.key} ${id} does not exist`);
  return item;
}

/** A record outside the actor's row scope is answered as missing, not as forbidden. */
export async function assertInScope(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
): Promise<void> {
  if (!grant.rowScope) return;
  const compile = compileContext(ctx, actor);
  const found = await sql`SELECT 1 FROM ${sql.table(definition.table)} AS ${sql.raw(ROOT)}
    WHERE ${sql.ref(`${ROOT}.id`)} = ${id} AND ${compileFilter(grant.rowScope, ROOT, compile)}`.execute(
    executorOf(ctx),
  );
  if (found.rows.length === 0) throw errors.notFound(`${definition.key} ${id} does not exist`);
}
