import type { Dialect } from '../../db/dialects/dialect.ts';
import type { ImportRecord, RowIssue } from './store.ts';

/**
 * One page of a run's outcomes for the import's own object, in row order, with each row's
 * cells: the dry run's and the run's results as the wizard lists them.
 */
export async function outcomePage(
  dialect: Dialect,
  found: ImportRecord,
  query: { action?: string; after: number; limit: number },
) {
  let select = dialect.db
    .selectFrom('data_import_outcome as o')
    .innerJoin('data_import_row as r', (join) =>
      join.onRef('r.import_id', '=', 'o.import_id').onRef('r.row_number', '=', 'o.row_number'),
    )
    .select(['o.row_number', 'o.object', 'o.action', 'o.record_id', 'o.detail', 'r.cells'])
    .where('o.import_id', '=', found.id)
    .where('o.object', '=', found.object ?? '')
    .where('o.row_number', '>', query.after);
  if (query.action) select = select.where('o.action', '=', query.action);
  const rows = await select
    .orderBy('o.row_number')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map((row) => {
    const detail = row.detail === null ? null : (JSON.parse(String(row.detail)) as unknown);
    return {
      rowNumber: Number(row.row_number),
      object: String(row.object),
      action: String(row.action),
      recordId: row.record_id === null ? null : Number(row.record_id),
      reason:
        detail && !Array.isArray(detail) && typeof (detail as { reason?: unknown }).reason === 'string'
          ? String((detail as { reason: string }).reason)
          : null,
      issues: Array.isArray(detail) ? (detail as RowIssue[]) : [],
      cells: JSON.parse(String(row.cells)) as string[],
    };
  });
  return { items, nextAfter: rows.length > query.limit ? (items.at(-1)?.rowNumber ?? null) : null };
}
