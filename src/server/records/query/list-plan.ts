import { type RawBuilder, sql } from 'kysely';
import type { ResolvedFilter, ResolvedLeaf } from '../../../shared/filter/validate.ts';
import type { AccessGrant } from '../../access/policy.ts';
import type { Executor, ListPlan } from '../../db/dialects/dialect.ts';
import type { ObjectDefinition } from '../../metadata/define-object.ts';
import { type CompileContext, compileFilter, containsIds, pathTargets } from './filter.ts';
import type { CompiledSort } from './sort.ts';

/** What a list query tells its dialect's planner (ListPlan): what it knows about its own conditions. */

/** The owner sort index for a title sort when the reader's rows are exactly their own. */
export function ownerSortIndex(
  definition: ObjectDefinition,
  sortIndex: string | null,
  grant: AccessGrant,
): string | null {
  const titleSort = `${definition.table}_sort_`;
  if (
    !definition.ownerSortIndex ||
    !sortIndex?.startsWith(titleSort) ||
    !definition.owner ||
    definition.owner.includes('.')
  )
    return null;
  const ownerColumn = definition.field(definition.owner)?.column;
  const ownOnly = grant.equalities.some((e) => e.column === ownerColumn && e.values === 1);
  return ownOnly ? sortIndex.replace(titleSort, `${definition.table}_owner_sort_`) : null;
}

/**
 * The sort index a plan may walk, unless the filter fixes the sort's first field to a value or
 * a few ("city = Zamość, by city"): its rows lie together somewhere in that index, and a walk
 * from the start would pass every row before them (a million at worst); the equality's own
 * index finds them and the sort is by id alone.
 */
export function walkableSortIndex(sort: CompiledSort, equalities: ListPlan['equalities']): string | null {
  const leading = sort.keys[0];
  if (!sort.index || !leading || leading.label) return sort.index;
  return equalities.some((e) => e.column === leading.column) ? null : sort.index;
}

/** Whether the filter fixes the sort's first field to one value (never a reference's title). */
export function fixedLeadingKey(sort: CompiledSort, equalities: ListPlan['equalities']): boolean {
  const leading = sort.keys[0];
  if (!leading || leading.label || leading.field.key === 'id') return false;
  return equalities.some((e) => e.column === leading.column && e.values === 1);
}

/** One estimate per column: the same condition from the filter and the row scope counts once. */
export function distinctColumns(equalities: ListPlan['equalities']): ListPlan['equalities'] {
  const byColumn = new Map<string, number>();
  for (const { column, values } of equalities) {
    byColumn.set(column, Math.min(values, byColumn.get(column) ?? values));
  }
  return [...byColumn].map(([column, values]) => ({ column, values }));
}

/** The leaves every row must meet: the filter itself, or the leaves of its top-level AND. */
function topLevelLeaves(filter: ResolvedFilter | null): ResolvedLeaf[] {
  if (!filter) return [];
  if (filter.kind === 'leaf') return [filter];
  return filter.kind === 'and' ? filter.children.flatMap(topLevelLeaves) : [];
}

/** Equality conditions every row must meet (top level of the filter), for the planner. */
export function topLevelEqualities(
  definition: ObjectDefinition,
  filters: Array<ResolvedFilter | null>,
): ListPlan['equalities'] {
  const found: ListPlan['equalities'] = [];
  for (const leaf of filters.flatMap(topLevelLeaves)) {
    if (leaf.steps.length > 0 || leaf.field.type === 'multiRelation') continue;
    const column = definition.field(leaf.field.key)?.column;
    if (!column) continue;
    if (leaf.op === 'eq') found.push({ column, values: 1 });
    if (leaf.op === 'in' && Array.isArray(leaf.value)) found.push({ column, values: leaf.value.length });
  }
  return found;
}

/**
 * Conditions every row must meet whose selectivity is known only by looking, each with a count
 * of its ids the planner may ask for: relation paths ("company.city = Gniezno" is
 * `company_id IN (ids of companies in Gniezno)`), `contains` answered by a trigram index and
 * the quick search answered by the search index (both `id IN (…)`), and the filter's own
 * equalities, whose statistics give only an average.
 */
export function listDrivers(
  definition: ObjectDefinition,
  filter: ResolvedFilter | null,
  /** The list's quick search, when the search index answers it: `id IN (…)` too. */
  searchIds: RawBuilder<unknown> | null,
  compile: CompileContext,
  executor: Executor,
): NonNullable<ListPlan['drivers']> {
  const drivers: NonNullable<ListPlan['drivers']> = [];
  const counted = (column: string, ids: RawBuilder<unknown>, countsRows = false) =>
    drivers.push({
      column,
      countsRows,
      count: async (cap) => {
        const result = await sql<{ n: number | string }>`
          SELECT COUNT(*) AS n FROM (${ids} LIMIT ${cap}) AS related`.execute(executor);
        return Number(result.rows[0]?.n ?? 0);
      },
    });
  if (searchIds) counted('id', searchIds);
  for (const leaf of topLevelLeaves(filter)) {
    if (leaf.steps.length === 0) {
      const field = definition.field(leaf.field.key);
      const ids =
        field && leaf.op === 'contains' ? containsIds(leaf, field, String(leaf.value), compile) : null;
      if (ids) counted('id', ids);
      // An equality's rows for its own value (statistics know only the average: a town has
      // 3,000 companies where the average city has 6,000), counted in its index alone.
      if (field?.column && !field.through && (leaf.op === 'eq' || leaf.op === 'in')) {
        const alias = compile.nextAlias();
        counted(
          field.column,
          sql`SELECT 1 FROM ${sql.table(definition.table)} AS ${sql.raw(alias)} WHERE ${compileFilter(leaf, alias, compile)}`,
          true,
        );
      }
      continue;
    }
    const { via, matching } = pathTargets(leaf, 0, compile);
    // A many-to-many hop goes through its link table, not a column of this one.
    if (!via.through && via.column) counted(via.column, matching);
  }
  return drivers;
}
