import type Database from 'better-sqlite3';
import type { ListPlan } from './dialect.ts';

const STATS_TTL_MS = 60_000;
/** Rows a list page needs (its limit and one more, to know there is a next page). */
const PAGE_ROWS = 51;
/**
 * What sorting one matching row costs against visiting one row: the sort key is the
 * collation function (JavaScript, called per row) and the sort itself.
 */
const SORT_COST_PER_ROW = 2;

interface TableStats {
  /** Rows in the table (from ANALYZE), or null before the first ANALYZE. */
  rows: number | null;
  /** Average rows per value for columns that lead an index (from ANALYZE). */
  rowsPerValue: Map<string, number>;
  /** An index each of those columns leads. */
  indexByColumn: Map<string, string>;
  readAt: number;
}

/**
 * Decides which index a list query should be told to use. SQLite picks an index for the WHERE
 * clause and then sorts all matching rows; with LIMIT 50 over 80,000 matches that is the slow
 * choice. From ANALYZE's statistics we estimate, taking the conditions (the user's equalities,
 * a row scope such as "my clients", relation paths) as independent, what each way costs:
 * walking the sort index visits about a page divided by the share of rows that match; sorting
 * fetches the rows of the most selective condition and sorts the matches. Walking wins for a
 * broad filter (one industry: 5 % of the rows); sorting wins when filters combine into a
 * narrow one (one industry of one account manager's clients: 0.1 %).
 *
 * A relation path ("people whose company's city is Gniezno") is `company_id IN (…)`, whose
 * size SQLite cannot know: it walks the sort index and, for a small town, reads most of the
 * table to find 50 people. Its related side is counted (up to where the choice would flip),
 * and when sorting wins the query is driven from it through the index on its column.
 */
/**
 * How the list's table is to be read: through a named index, or by looking up the ids a driver
 * names (`NOT INDEXED` still lets SQLite find rows by their rowid, and keeps it off the sort
 * index), or as SQLite pleases (null).
 */
export type TableAccess = { index: string } | { byId: true } | null;

/**
 * The access chosen; when it walks the sort index, how many rows the walk should take (an
 * estimate that assumes the conditions are spread evenly along the sort order, which they may
 * not be: people of a Hungarian town in Polish order come late) and the access that sorts the
 * matches instead, for when a walk of a few times that many rows finds too few.
 */
export interface PlannedAccess {
  access: TableAccess;
  walk?: { rows: number; otherwise: TableAccess };
}

export class SqliteListPlanner {
  private readonly stats = new Map<string, TableStats>();

  constructor(private readonly database: Database.Database) {}

  async access(table: string, plan: ListPlan): Promise<PlannedAccess> {
    // The reader's own rows, already in order: never more work than fetching and sorting them.
    if (plan.ownerSortIndex) return { access: { index: plan.ownerSortIndex } };
    if (!plan.sortIndex) return { access: null };
    const stats = this.tableStats(table);
    const total = stats.rows;
    if (total === null || total === 0) return { access: null };
    let narrowest: { fetched: number; access: TableAccess; sorting: TableAccess } | null = null;
    let share = 1;
    const consider = (fetched: number, access: TableAccess, sorting: TableAccess = access) => {
      share *= Math.min(1, fetched / total);
      if (!narrowest || fetched < narrowest.fetched) narrowest = { fetched, access, sorting };
    };
    // A condition counted for its own values replaces its column's average.
    const counted = new Set((plan.drivers ?? []).map((driver) => driver.column));
    for (const { column, values } of plan.equalities) {
      if (counted.has(column)) continue;
      const perValue = stats.rowsPerValue.get(column);
      const index = stats.indexByColumn.get(column);
      // Left to SQLite, which finds the equality's index; after a walk that found too few, named.
      if (perValue !== undefined) consider(perValue * values, null, index ? { index } : null);
    }
    for (const { column, count, countsRows } of plan.drivers ?? []) {
      // `id IN (…)`: each id is one row, found by its rowid.
      const byId = column === 'id';
      const perValue = byId ? 1 : stats.rowsPerValue.get(column);
      const index = stats.indexByColumn.get(column);
      if (perValue === undefined || (!byId && index === undefined)) continue;
      // Beyond this many matching rows walking wins whatever else holds: count no further.
      const flip = Math.sqrt((PAGE_ROWS * total) / SORT_COST_PER_ROW);
      // A related side is counted in related ids (each holding perValue rows here); the
      // table's own equality in its rows.
      const each = countsRows ? 1 : perValue;
      const cap = Math.max(100, Math.ceil(flip / Math.max(each, 1)) + 1);
      consider((await count(cap)) * each, byId ? { byId: true } : index ? { index } : null);
    }
    const chosen = narrowest as { fetched: number; access: TableAccess; sorting: TableAccess } | null;
    // No usable index: SQLite already prefers the sort index over sorting the table.
    if (!chosen) return { access: null };
    const walk = PAGE_ROWS / Math.max(share, 1 / total);
    const sort = chosen.fetched + SORT_COST_PER_ROW * share * total;
    return walk < sort
      ? { access: { index: plan.sortIndex }, walk: { rows: walk, otherwise: chosen.sorting } }
      : { access: chosen.access };
  }

  private tableStats(table: string): TableStats {
    const cached = this.stats.get(table);
    if (cached && Date.now() - cached.readAt < STATS_TTL_MS) return cached;
    const rowsPerValue = new Map<string, number>();
    const indexByColumn = new Map<string, string>();
    let rows: number | null = null;
    const hasStats = this.database
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
      .get();
    if (hasStats) {
      const entries = this.database
        .prepare('SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ?')
        .all(table) as Array<{
        idx: string | null;
        stat: string;
      }>;
      for (const { idx, stat } of entries) {
        if (!idx) continue;
        const [indexRows, perValueText] = stat.split(' ');
        // Partial indexes (live rows only) count fewer rows; the largest count is the table's.
        if (Number.isFinite(Number(indexRows))) rows = Math.max(rows ?? 0, Number(indexRows));
        const perValue = Number(perValueText);
        const columns = this.database
          .prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
          .all(idx) as Array<{
          name: string | null;
        }>;
        const leading = columns[0]?.name;
        if (leading && Number.isFinite(perValue)) {
          rowsPerValue.set(leading, perValue);
          if (!indexByColumn.has(leading)) indexByColumn.set(leading, idx);
        }
      }
    }
    const fresh = { rows, rowsPerValue, indexByColumn, readAt: Date.now() };
    this.stats.set(table, fresh);
    return fresh;
  }
}
