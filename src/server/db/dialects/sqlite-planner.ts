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
  readAt: number;
}

/**
 * Decides whether a list query should be told to use its sort index. SQLite picks an index
 * for the WHERE clause and then sorts all matching rows; with LIMIT 50 over 80,000 matches
 * that is the slow choice. From ANALYZE's statistics we estimate, taking the equality filters
 * (the user's, and a row scope such as "my clients") as independent, what each way costs:
 * walking the sort index visits about a page divided by the share of rows that match;
 * sorting fetches the rows of the most selective equality and sorts the matches. Walking
 * wins for a broad filter (one industry: 5 % of the rows); sorting wins when filters combine
 * into a narrow one (one industry of one account manager's clients: 0.1 %).
 */
export class SqliteListPlanner {
  private readonly stats = new Map<string, TableStats>();

  constructor(private readonly database: Database.Database) {}

  sortIndexToForce(table: string, plan: ListPlan): string | null {
    // The reader's own rows, already in order: never more work than fetching and sorting them.
    if (plan.ownerSortIndex) return plan.ownerSortIndex;
    if (!plan.sortIndex) return null;
    const stats = this.tableStats(table);
    const total = stats.rows;
    let fetched = Number.POSITIVE_INFINITY;
    let share = 1;
    for (const { column, values } of plan.equalities) {
      const perValue = stats.rowsPerValue.get(column);
      if (perValue === undefined || total === null || total === 0) continue;
      fetched = Math.min(fetched, perValue * values);
      share *= Math.min(1, (perValue * values) / total);
    }
    // No usable equality index: SQLite already prefers the sort index over sorting the table.
    if (fetched === Number.POSITIVE_INFINITY || total === null) return null;
    const walk = PAGE_ROWS / Math.max(share, 1 / total);
    const sort = fetched + SORT_COST_PER_ROW * share * total;
    return walk < sort ? plan.sortIndex : null;
  }

  private tableStats(table: string): TableStats {
    const cached = this.stats.get(table);
    if (cached && Date.now() - cached.readAt < STATS_TTL_MS) return cached;
    const rowsPerValue = new Map<string, number>();
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
        if (leading && Number.isFinite(perValue)) rowsPerValue.set(leading, perValue);
      }
    }
    const fresh = { rows, rowsPerValue, readAt: Date.now() };
    this.stats.set(table, fresh);
    return fresh;
  }
}
