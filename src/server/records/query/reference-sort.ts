import { type RawBuilder, sql } from 'kysely';
import type { Dialect, Executor } from '../../db/dialects/dialect.ts';
import type { CompiledSort } from './sort.ts';

/**
 * Companies by account manager: the list sorts by the manager's name, a subquery per row, so
 * with no filter it sorts the whole table (3.5 s at a million). When the targets are few,
 * the page is read target by target instead: the targets in title order (ties together),
 * each one's rows by id through the reference's index, until the page is full — a few index
 * seeks. Rows without a title (no reference, or a target with a blank title) come last, as
 * the sort puts them. Only a sort by one reference (then the id) is read this way.
 */

/** Targets beyond this many: the single sorted query. */
const MAX_TARGETS = 500;
/** Groups tried before a sparse filter (few rows per target) hands over to the single query. */
const MAX_GROUP_QUERIES = 8;

interface TitleGroup {
  title: string | null;
  ids: number[];
}

export interface ReferencePageQuery {
  dialect: Dialect;
  executor: Executor;
  table: string;
  alias: string;
  sort: CompiledSort;
  /** The list's own columns to select, and its conditions (cursor included). */
  columns: RawBuilder<unknown>[];
  conditions: RawBuilder<unknown>[];
  /** The first sort key's value from the cursor (its title), when paging on. */
  cursorTitle: { value: unknown } | null;
  /** Rows wanted: the page and one more. */
  wanted: number;
}

/**
 * The page's rows target by target, or null when this sort or these targets are not for it,
 * or a filter leaves too few rows per target (then the single query is the fast one).
 */
export async function pageByReferenceTitle(
  query: ReferencePageQuery,
): Promise<Record<string, unknown>[] | null> {
  const [key, tiebreak] = query.sort.keys;
  if (!key?.target || !key.label || query.sort.keys.length !== 2 || tiebreak?.field.key !== 'id') return null;
  const groups = await titleGroups(query, key.target.definition.table, key.target.title);
  if (!groups) return null;
  const direction = key.direction;
  const titled = groups.filter((g) => g.title !== null);
  const ordered = [...(direction === 'desc' ? titled.reverse() : titled), nullGroup(groups)];
  let start = 0;
  if (query.cursorTitle) {
    const value = query.cursorTitle.value;
    start = ordered.findIndex((g) => g.title === (value ?? null));
    // A title no target has any more (renamed since): the single query knows where to go on.
    if (start < 0) return null;
  }
  const reference = sql.ref(`${query.alias}.${key.field.column}`);
  const rows: Record<string, unknown>[] = [];
  for (const [tried, group] of ordered.slice(start).entries()) {
    if (tried >= MAX_GROUP_QUERIES) return null;
    const members = group.ids.length > 0 ? query.dialect.inList(reference, group.ids) : sql`1 = 0`;
    const inGroup = group.title === null ? sql`(${reference} IS NULL OR ${members})` : members;
    const found = await sql<Record<string, unknown>>`
      SELECT ${sql.join(query.columns)}, CAST(${group.title} AS TEXT) AS ${sql.ref(key.column)}
      FROM ${sql.table(query.table)} AS ${sql.raw(query.alias)}
      WHERE ${sql.join([...query.conditions, inGroup], sql` AND `)}
      ORDER BY ${sql.ref(`${query.alias}.id`)} ${sql.raw(direction === 'desc' ? 'DESC' : 'ASC')}
      LIMIT ${query.wanted - rows.length}`.execute(query.executor);
    rows.push(...found.rows);
    if (rows.length >= query.wanted) break;
  }
  return rows;
}

/** Every target's title in the reader's alphabet, equal titles grouped; null if too many targets. */
async function titleGroups(
  query: ReferencePageQuery,
  table: string,
  title: (alias: string) => RawBuilder<unknown>,
): Promise<TitleGroup[] | null> {
  const result = await sql<{ id: number | string; title: string | null }>`
    SELECT r.id, ${title('r')} AS title FROM ${sql.table(table)} AS r
    ORDER BY ${query.dialect.collated(title('r'), query.sort.locale)}, r.id
    LIMIT ${MAX_TARGETS + 1}`.execute(query.executor);
  if (result.rows.length > MAX_TARGETS) return null;
  const groups: TitleGroup[] = [];
  for (const row of result.rows) {
    const last = groups.at(-1);
    const title = row.title ?? null;
    if (last && last.title === title) last.ids.push(Number(row.id));
    else groups.push({ title, ids: [Number(row.id)] });
  }
  return groups;
}

/** Targets without a title, sorted with the rows that have no reference at all. */
function nullGroup(groups: TitleGroup[]): TitleGroup {
  return { title: null, ids: groups.filter((g) => g.title === null).flatMap((g) => g.ids) };
}
