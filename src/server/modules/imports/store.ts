import { setImmediate as nextTurn } from 'node:timers/promises';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { Dialect, DialectName, Executor } from '../../db/dialects/dialect.ts';
import { errors } from '../../errors.ts';
import type { OpenedFile } from './files/read.ts';
import { SAMPLE_ROWS } from './limits.ts';

// The import tables (migration 2026_11_27_0006): one `data_import` per uploaded file, its rows
// as parsed, one outcome per record a row touched.

export type ImportStatus =
  | 'uploading'
  | 'uploaded'
  | 'queued'
  | 'running'
  | 'checked'
  | 'done'
  | 'failed'
  | 'undoing'
  | 'undone';

export type DuplicateRule = 'update' | 'skip' | 'create';

export interface ImportRecord {
  id: number;
  createdAt: string;
  createdBy: number | null;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  warnings: string[];
  rowCount: number;
  status: ImportStatus;
  object: string | null;
  mapping: Record<string, string> | null;
  duplicates: DuplicateRule | null;
  dryRun: boolean;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  relatedCreated: number;
  undoProcessed: number;
  undoConflicts: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: number | null;
}

const json = <T>(value: unknown, fallback: T): T =>
  typeof value === 'string'
    ? (JSON.parse(value) as T)
    : value === null || value === undefined
      ? fallback
      : (value as T);
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export function importFromRow(row: Record<string, unknown>, dialect: Dialect): ImportRecord {
  return {
    id: Number(row.id),
    createdAt: String(row.created_at),
    createdBy: row.created_by === null ? null : Number(row.created_by),
    fileName: String(row.file_name),
    fileSize: Number(row.file_size),
    fileSha256: String(row.file_sha256),
    format: String(row.format),
    encoding: text(row.encoding),
    delimiter: text(row.delimiter),
    columns: json<string[]>(row.columns, []),
    warnings: json<string[]>(row.warnings, []),
    rowCount: Number(row.row_count),
    status: row.status as ImportStatus,
    object: text(row.object),
    mapping: json<Record<string, string> | null>(row.mapping, null),
    duplicates: (text(row.duplicates) as DuplicateRule | null) ?? null,
    dryRun: dialect.decodeBoolean(row.dry_run) ?? false,
    processed: Number(row.processed),
    created: Number(row.created),
    updated: Number(row.updated),
    skipped: Number(row.skipped),
    failed: Number(row.failed),
    relatedCreated: Number(row.related_created),
    undoProcessed: Number(row.undo_processed),
    undoConflicts: Number(row.undo_conflicts),
    error: text(row.error),
    startedAt: text(row.started_at),
    finishedAt: text(row.finished_at),
    undoneAt: text(row.undone_at),
    undoneBy: row.undone_by === null || row.undone_by === undefined ? null : Number(row.undone_by),
  };
}

export async function loadImport(dialect: Dialect, id: number, executor: Executor = dialect.db) {
  const row = await executor.selectFrom('data_import').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? importFromRow(row, dialect) : null;
}

const STORE_BATCH = 1000;

/**
 * Stores an opened file: the import, then its rows as they are read, 1,000 per statement with
 * a turn of the event loop between. A file that turns out broken half way is removed again, so
 * an upload is stored whole or not at all.
 */
export async function storeUpload(
  dialect: Dialect,
  file: OpenedFile,
  meta: { fileName: string; fileSize: number; sha256: string; userId: number | null; at: string },
): Promise<{ id: number; sampleRows: string[][]; rowCount: number }> {
  const inserted = await dialect.db
    .insertInto('data_import')
    .values({
      created_at: meta.at,
      created_by: meta.userId,
      file_name: meta.fileName.slice(0, 255),
      file_size: meta.fileSize,
      file_sha256: meta.sha256,
      format: file.format,
      encoding: file.encoding,
      delimiter: file.delimiter,
      columns: JSON.stringify(file.columns),
      warnings: JSON.stringify(file.warnings),
      row_count: 0,
      status: 'uploading',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  const sampleRows: string[][] = [];
  let pending: Array<Record<string, unknown>> = [];
  let rowNumber = 1;
  const flush = async () => {
    if (pending.length === 0) return;
    await bulkInsert(dialect.db, dialect.name, 'data_import_row', pending);
    pending = [];
    await nextTurn();
  };
  try {
    for await (const cells of file.rows) {
      rowNumber++;
      if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(cells);
      pending.push({ import_id: id, row_number: rowNumber, cells: JSON.stringify(cells) });
      if (pending.length >= STORE_BATCH) await flush();
    }
    await flush();
  } catch (error) {
    await dialect.db.deleteFrom('data_import_row').where('import_id', '=', id).execute();
    await dialect.db.deleteFrom('data_import').where('id', '=', id).execute();
    throw error;
  }
  const rowCount = rowNumber - 1;
  if (rowCount === 0) {
    await dialect.db.deleteFrom('data_import').where('id', '=', id).execute();
    throw errors.badRequest('The file has a header but no rows below it: there is nothing to import');
  }
  await dialect.db
    .updateTable('data_import')
    .set({ row_count: rowCount, status: 'uploaded' })
    .where('id', '=', id)
    .execute();
  return { id, sampleRows, rowCount };
}

export interface StoredRow {
  rowNumber: number;
  cells: string[];
}

/** Rows after `afterRow`, in order, at most `limit`. */
export async function loadRows(
  executor: Executor,
  importId: number,
  afterRow: number,
  limit: number,
): Promise<StoredRow[]> {
  const rows = await executor
    .selectFrom('data_import_row')
    .select(['row_number', 'cells'])
    .where('import_id', '=', importId)
    .where('row_number', '>', afterRow)
    .orderBy('row_number')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    rowNumber: Number(row.row_number),
    cells: JSON.parse(String(row.cells)) as string[],
  }));
}

export type OutcomeAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface RowIssue {
  column: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface Outcome {
  rowNumber: number;
  object: string;
  action: OutcomeAction;
  recordId: number | null;
  rowHash: string | null;
  /** updated: the fields' values before and after ({field: [old, new]}); failed: the issues. */
  detail: Record<string, [unknown, unknown]> | RowIssue[] | { reason: string; rowNumber?: number } | null;
}

export function outcomeRows(importId: number, outcomes: Outcome[]): Array<Record<string, unknown>> {
  return outcomes.map((outcome) => ({
    import_id: importId,
    row_number: outcome.rowNumber,
    object: outcome.object,
    action: outcome.action,
    record_id: outcome.recordId,
    row_hash: outcome.rowHash,
    detail: outcome.detail === null ? null : JSON.stringify(outcome.detail),
  }));
}

export async function insertOutcomes(
  executor: Executor,
  dialect: DialectName,
  importId: number,
  outcomes: Outcome[],
) {
  await bulkInsert(executor, dialect, 'data_import_outcome', outcomeRows(importId, outcomes));
}
