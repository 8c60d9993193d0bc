import { type RawBuilder, sql } from 'kysely';
import { todayIn } from '../../shared/filter/relative-dates.ts';
import { FilterError, type ResolvedFilter, resolveFilter } from '../../shared/filter/validate.ts';
import type { Actor } from '../access/actor.ts';
import { type AccessGrant, authorize, type RecordAction } from '../access/policy.ts';
import { allOf } from '../access/row-scope.ts';
import type { Executor } from '../db/dialects/dialect.ts';
import { errors } from '../errors.ts';
import type { FieldDefinition, ObjectDefinition } from '../metadata/define-object.ts';
import { executorOf, type RecordsContext } from './context.ts';
import { attachPermissions } from './permissions.ts';
import { type ApiRecord, attachExpansions, attachMemberships, decodeRow } from './present.ts';
import { expandDynamicMembers } from './query/dynamic-members.ts';
import { type CompileContext, compileFilter } from './query/filter.ts';
import {
  distinctColumns,
  fixedLeadingKey,
  listDrivers,
  ownerSortIndex,
  topLevelEqualities,
  walkableSortIndex,
} from './query/list-plan.ts';
import { readListRows, WALKED_ID } from './query/list-rows.ts';
import { afterCursor, decodeCursor, encodeCursor, pageSize } from './query/page.ts';
import { pageByReferenceTitle } from './query/reference-sort.ts';
import { compileSort, sortSource } from './query/sort.ts';
import { quickSearch } from './quick-search.ts';
import { attachRelatedColumns, relatedColumns, relatedKeys } from './related-columns.ts';
import { readableRows, visibleLookup } from './visible.ts';

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
  /** Rights besides `read` that every listed row must be within (an export: `export`). */
  rights?: RecordAction[];
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
  let today: string | undefined;
  return {
    dialect: ctx.dialect,
    registry: ctx.registry,
    // Only a filter by relative days asks; formatting the day in a zone is not free.
    get today() {
      today ??= todayIn(actor.timeZone, now);
      return today;
    },
    timeZone: actor.timeZone,
    nowIso: now.toISOString(),
    nextAlias: () => `t${++aliases}`,
    // A relation path only reaches related records the reader may read, and not the trash.
    rowsOf: (object) => authorize(ctx.registry, actor, object, 'read').rows,
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
  const requested = typeof fieldsInput === 'string' ? fieldsInput.split(',').filter(Boolean) : fieldsInput;
  // `company.city`: a field of the related record, read by attachRelatedColumns.
  const own = Array.isArray(requested) ? requested.filter((key) => !String(key).includes('.')) : requested;
  const fields = pick(own, 'fields') ?? visible;
  const always = visible.filter((f) => f.key === 'id' || f.key === 'version');
  return { fields: [...new Set([...always, ...fields, ...expand])], expand };
}

function resolve(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  input: unknown,
): ResolvedFilter {
  try {
    return resolveFilter(input, definition.key, visibleLookup(ctx.registry, actor));
  } catch (error) {
    if (error instanceof FilterError) throw errors.badRequest(error.message, { path: error.path });
    throw error;
  }
}

/** One grant for several rights at once: rows within all of them (field rules are per object). */
export function grantFor(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rights: RecordAction[],
): AccessGrant {
  const grants = rights.map((right) => authorize(ctx.registry, actor, object, right));
  const [first] = grants;
  if (!first) throw new Error('grantFor needs at least one right');
  return {
    ...first,
    rows: allOf(grants.map((g) => g.rows)),
    equalities: grants.flatMap((g) => g.equalities),
  };
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
  /** The ids the quick search finds in the search index, when it is what answers it. */
  searchIds: RawBuilder<unknown> | null;
}

/**
 * Which rows a list holds: not in the trash (unless asked for the trash), inside the actor's
 * row scope for `grant`, matching the filter and the quick search. One definition for the
 * list, its count, its export and bulk actions over it, so they always agree.
 */
export async function listConditions(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  request: { filter?: unknown; q?: unknown; deleted?: 'exclude' | 'only' },
): Promise<ListConditions> {
  const filter = await resolveListFilter(ctx, actor, definition, request.filter);
  return compileListConditions(ctx, actor, definition, grant, { ...request, filter });
}

/** The request's filter checked against metadata, with dynamic members ("my groups") filled in. */
async function resolveListFilter(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  input: unknown,
): Promise<ResolvedFilter | null> {
  if (input === undefined || input === null) return null;
  return expandDynamicMembers(
    ctx,
    visibleLookup(ctx.registry, actor),
    resolve(ctx, actor, definition, input),
  );
}

/**
 * listConditions for a resolved filter. `correlate`: conditions on related records and on
 * the search indexes are checked row by row (EXISTS) rather than gathered as sets first —
 * what a query walking an index through the table wants (the dialect's plan says so).
 */
function compileListConditions(
  ctx: RecordsContext,
  actor: Actor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  request: {
    filter: ResolvedFilter | null;
    q?: unknown;
    deleted?: 'exclude' | 'only';
    correlate?: boolean;
    /** The walk's id column, for the conditions of a budgeted walk (list-rows.ts). */
    walkedId?: string;
  },
): ListConditions {
  const walkedId = request.walkedId ? { alias: ROOT, column: request.walkedId } : undefined;
  const compile = { ...compileContext(ctx, actor), correlate: request.correlate === true, walkedId };
  const conditions: RawBuilder<unknown>[] = [
    request.deleted === 'only'
      ? sql`${sql.ref(`${ROOT}.deleted_at`)} IS NOT NULL`
      : sql`${sql.ref(`${ROOT}.deleted_at`)} IS NULL`,
  ];
  if (grant.rows) conditions.push(grant.rows(ROOT));
  const { filter } = request;
  if (filter) conditions.push(compileFilter(filter, ROOT, compile));
  const hasQuery = request.q !== undefined && request.q !== null && request.q !== '';
  let searchIds: RawBuilder<unknown> | null = null;
  if (hasQuery) {
    if (typeof request.q !== 'string' || request.q.length > MAX_QUICK_SEARCH) {
      throw errors.badRequest(`q must be text of at most ${MAX_QUICK_SEARCH} characters`);
    }
    const search = quickSearch(ctx, definition, grant, request.q, ROOT, request.walkedId ?? `${ROOT}.id`);
    conditions.push(search.condition);
    searchIds = search.ids;
  }
  return { conditions, filter, narrowed: filter !== null || hasQuery, searchIds };
}

export async function listRecords(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  request: ListRequest,
): Promise<ListResult> {
  const definition = objectOrThrow(ctx, object);
  const grant = grantFor(ctx, actor, object, ['read', ...(request.rights ?? [])]);
  const { fields, expand } = projection(definition, grant, request.fields, request.expand);
  const related = relatedColumns(ctx, actor, definition, relatedKeys(request.fields));
  for (const column of related) if (!fields.includes(column.via)) fields.push(column.via);
  const sort = compileSort(definition, request.sort, actor.locale, grant.hiddenFields, (key) =>
    ctx.registry.get(key),
  );
  const limit = pageSize(request.limit);
  const deleted = request.deleted ?? 'exclude';
  const filter = await resolveListFilter(ctx, actor, definition, request.filter);
  const gathered = compileListConditions(ctx, actor, definition, grant, { ...request, filter, deleted });
  const equalities = distinctColumns([...topLevelEqualities(definition, [filter]), ...grant.equalities]);
  const plan = await ctx.dialect.listSource(definition.table, ROOT, {
    // Partial sort indexes hold live rows only.
    sortIndex: deleted === 'exclude' ? walkableSortIndex(sort, equalities) : null,
    equalities,
    ownerSortIndex: deleted === 'exclude' ? ownerSortIndex(definition, sort.index, grant) : null,
    drivers: listDrivers(definition, filter, gathered.searchIds, compileContext(ctx, actor), executorOf(ctx)),
  });
  // Relation paths checked row by row, for a plan that walks an index.
  const walking = plan.correlate
    ? compileListConditions(ctx, actor, definition, grant, {
        ...request,
        filter,
        deleted,
        correlate: true,
        walkedId: plan.walk ? WALKED_ID : undefined,
      }).conditions
    : gathered.conditions;
  let cursor: unknown[] | null = null;
  if (request.cursor !== undefined && request.cursor !== null && request.cursor !== '') {
    if (typeof request.cursor !== 'string') throw errors.badRequest('cursor must be a string');
    cursor = decodeCursor(sort, request.cursor);
  }
  // A sort's first field fixed by the filter to one value ("city = Budapest, by city") orders
  // nothing: the rows go by the rest (the id), which the equality's index holds already.
  const fixed = fixedLeadingKey(sort, equalities);
  const ordering = fixed ? { ...sort, keys: sort.keys.slice(1) } : sort;
  const after = cursor ? afterCursor(ordering, fixed ? cursor.slice(1) : cursor, ROOT, ctx.dialect) : null;
  const columns = new Set([
    'id',
    ...fields.flatMap((f) => f.columns.map((c) => c.name)),
    ...sort.keys.filter((k) => !k.label).map((k) => k.column),
  ]);
  // A reference sorted by its label carries the label too: the cursor is made of it.
  const labels = sort.keys
    .filter((k) => k.label)
    .map((k) => sql`${sortSource(k, ROOT)} AS ${sql.ref(k.column)}`);
  const own = [...columns].map((c) => sql.ref(`${ROOT}.${c}`));
  const found =
    (await pageByReferenceTitle({
      dialect: ctx.dialect,
      executor: executorOf(ctx),
      table: definition.table,
      alias: ROOT,
      sort,
      columns: own,
      conditions: after ? [...gathered.conditions, after] : gathered.conditions,
      cursorTitle: cursor ? { value: cursor[0] } : null,
      wanted: limit + 1,
    })) ??
    (await readListRows({
      dialect: ctx.dialect,
      executor: executorOf(ctx),
      table: definition.table,
      alias: ROOT,
      source: plan,
      sort: ordering,
      select: [...own, ...labels],
      walking,
      gathered: gathered.conditions,
      after,
      wanted: limit + 1,
    }));
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor(sort, last) : null;
  const items = await present(ctx, executorOf(ctx), actor, fields, expand, rows, definition);
  await attachRelatedColumns(ctx, executorOf(ctx), actor, related, items);
  return { items, nextCursor };
}

export async function present(
  ctx: RecordsContext,
  executor: Executor,
  actor: Actor,
  fields: FieldDefinition[],
  expand: FieldDefinition[],
  rows: Record<string, unknown>[],
  definition?: ObjectDefinition,
): Promise<ApiRecord[]> {
  const items = rows.map((row) => decodeRow(fields, row, ctx.dialect));
  await attachMemberships(ctx.dialect, executor, fields, items);
  await attachExpansions(executor, ctx.registry, expand, items, actor.locale, (object) =>
    readableRows(ctx, actor, object),
  );
  if (definition) await attachPermissions(ctx, executor, actor, definition, items);
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
  return (await readRecord(ctx, actor, object, rawId, options)).record;
}

/** As getRecord, with the stored row it was presented from (its title, its columns). */
export async function readRecord(
  ctx: RecordsContext,
  actor: Actor,
  object: string,
  rawId: unknown,
  options: { fields?: unknown; expand?: unknown; includeDeleted?: boolean } = {},
): Promise<{ record: ApiRecord; row: Record<string, unknown> }> {
  const definition = objectOrThrow(ctx, object);
  const id = checkId(rawId);
  const grant = authorize(ctx.registry, actor, object, 'read');
  const { fields, expand } = projection(definition, grant, options.fields, options.expand);
  const related = relatedColumns(ctx, actor, definition, relatedKeys(options.fields));
  for (const column of related) if (!fields.includes(column.via)) fields.push(column.via);
  // One query: a record outside the reader's rows is as missing as one that does not exist.
  const row = await loadRowInScope(executorOf(ctx), definition, grant, id);
  if (!row || (row.deleted_at && !options.includeDeleted)) {
    throw errors.notFound(`${definition.key} ${id} does not exist or was deleted`);
  }
  const [item] = await present(ctx, executorOf(ctx), actor, fields, expand, [row], definition);
  if (!item) throw errors.notFound(`${definition.key} ${id} does not exist`);
  await attachRelatedColumns(ctx, executorOf(ctx), actor, related, [item]);
  return { record: item, row };
}

/** The stored row (any state) if the grant reaches it, else undefined. */
export async function loadRowInScope(
  executor: Executor,
  definition: ObjectDefinition,
  grant: AccessGrant,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const scope = grant.rows ? sql` AND ${grant.rows(ROOT)}` : sql``;
  const result = await sql<
    Record<string, unknown>
  >`SELECT ${sql.raw(`${ROOT}.*`)} FROM ${sql.table(definition.table)} AS ${sql.raw(ROOT)}
    WHERE ${sql.ref(`${ROOT}.id`)} = ${id}${scope}`.execute(executor);
  return result.rows[0];
}
