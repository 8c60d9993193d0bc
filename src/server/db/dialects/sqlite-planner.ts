import type Database from 'better-sqlite3';
import type { ListPlan } from './dialect.ts';

/** Above this many estimated matches, walking the sort index beats sorting the matches. */
const SORT_INDEX_THRESHOLD = 1000;
const STATS_TTL_MS = 60_000;

interface TableStats {
  /** Average rows per value for columns that lead an index (from ANALYZE). */
  rowsPerValue: Map<string, number>;
  readAt: number;
}

/**
 * Decides whether a list query should be told to use its sort index. SQLite picks an index
 * for the WHERE clause and then sorts all matching rows; with LIMIT 50 over 80,000 matches
 * that is the slow choice. From ANALYZE's statistics we estimate how many rows the equality
 * filters match: many → walk the sort index (`INDEXED BY`) and stop after the page; few →
 * leave the choice to SQLite, which then sorts a handful of rows.
 */
export class SqliteListPlanner {
  private readonly stats = new Map<string, TableStats>();

  constructor(private readonly database: Database.Database) {}

  sortIndexToForce(table: string, plan: ListPlan): string | null {
    if (!plan.sortIndex) return null;
    const stats = this.tableStats(table);
    let estimate = Number.POSITIVE_INFINITY;
    for (const { column, values } of plan.equalities) {
      const perValue = stats.rowsPerValue.get(column);
      if (perValue !== undefined) estimate = Math.min(estimate, perValue * values);
    }
    // No usable equality index: SQLite already prefers the sort index over sorting the table.
    if (estimate === Number.POSITIVE_INFINITY) return null;
    return estimate >= SORT_INDEX_THRESHOLD ? plan.sortIndex : null;
  }

  private tableStats(table: string): TableStats {
    const cached = this.stats.get(table);
    if (cached && Date.now() - cached.readAt < STATS_TTL_MS) return cached;
    const rowsPerValue = new Map<string, number>();
    const hasStats = this.database
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
      .get();
    if (hasStats) {
      const rows = this.database
        .prepare('SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ?')
        .all(table) as Array<{
        idx: string | null;
        stat: string;
      }>;
      for (const { idx, stat } of rows) {
        if (!idx) continue;
        const perValue = Number(stat.split(' ')[1]);
        const columns = this.database
          .prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
          .all(idx) as Array<{
          name: string | null;
        }>;
        const leading = columns[0]?.name;
        if (leading && Number.isFinite(perValue)) rowsPerValue.set(leading, perValue);
      }
    }
    const fresh = { rowsPerValue, readAt: Date.now() };
    this.stats.set(table, fresh);
    return fresh;
  }
}
